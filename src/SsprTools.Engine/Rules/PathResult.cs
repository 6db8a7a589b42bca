using System.Collections.Generic;
using SsprTools.Engine.Model;

namespace SsprTools.Engine.Rules;

/// <summary>The outcome of one policy path (administrator or user) for one user.</summary>
internal sealed class PathResult
{
    public PathResult(string outcome, string? predictedError, string reason, IReadOnlyList<Finding> findings)
    {
        Outcome = outcome;
        PredictedError = predictedError;
        Reason = reason;
        Findings = findings;
    }

    public string Outcome { get; }

    public string? PredictedError { get; }

    public string Reason { get; }

    public IReadOnlyList<Finding> Findings { get; }

    public string Verdict => PredictedError is null ? Outcome : $"{Outcome} with {PredictedError}";
}
