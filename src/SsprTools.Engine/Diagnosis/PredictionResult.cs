using SsprTools.Engine.Errors;
using SsprTools.Model;

namespace SsprTools.Engine.Diagnosis;

/// <summary>The outcome for one input: a prediction, or the error that stopped it (unknown user, malformed input).</summary>
public sealed record PredictionResult(UserReference? Input, ResetPrediction? Prediction, SsprException? Error)
{
    /// <summary>What the caller passed, for the error's TargetObject.</summary>
    public object? Source { get; init; }
}
