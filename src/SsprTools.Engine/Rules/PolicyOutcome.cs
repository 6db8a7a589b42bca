using System.Collections.Generic;
using System;
using SsprTools.Engine.Catalogs;
using SsprTools.Model;

namespace SsprTools.Engine.Rules;

/// <summary>The outcome of one policy path (administrator or user) for one user.</summary>
internal sealed class PolicyOutcome
{
    public PolicyOutcome(string outcome, string? predictedError, string reason, IReadOnlyList<Finding> findings, IReadOnlyList<string>? alternativeErrors = null)
    {
        Outcome = outcome;
        PredictedError = predictedError;
        Reason = reason;
        Findings = findings;
        AlternativeErrors = alternativeErrors ?? Array.Empty<string>();
    }

    public string Outcome { get; }

    public string? PredictedError { get; }

    /// <summary>Codes the portal could show instead of <see cref="PredictedError"/>, in portal order; empty when certain.</summary>
    public IReadOnlyList<string> AlternativeErrors { get; }

    public string Reason { get; }

    public IReadOnlyList<Finding> Findings { get; }

    public string Verdict => PredictedError is null ? Outcome : $"{Outcome} with {ErrorCodes.Either(PredictedError, AlternativeErrors)}";
}
