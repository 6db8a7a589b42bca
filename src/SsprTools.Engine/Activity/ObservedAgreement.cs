using System;
using System.Linq;
using SsprTools.Engine.Findings;
using SsprTools.Model;

namespace SsprTools.Engine.Activity;

/// <summary>
/// Sets a prediction beside the user's latest observed attempt. An attempt shows the past: settings may have changed
/// since, so a disagreement is a warning to look, never a correction of the verdict. Only outcomes that speak to the
/// configuration are compared: Succeeded, and Failed with a code its wording names. Abandoned and Blocked attempts, and
/// failures in words no documented code matches, say nothing about whether the reset would work (docs/rules.md).
/// </summary>
internal static class ObservedAgreement
{
    public static Finding Compare(ResetPrediction prediction, SsprResetAttempt attempt)
    {
        var evidence = Evidence(attempt);
        var observed = attempt.ErrorCode is null ? attempt.Outcome : $"{attempt.Outcome} with {attempt.ErrorCode}";
        var comparable = attempt.Outcome == ResetAttemptOutcome.Succeeded || (attempt.Outcome == ResetAttemptOutcome.Failed && attempt.ErrorCode is not null);
        if (!comparable || prediction.Outcome == PredictionOutcome.Unknown)
        {
            return FindingFactory.Information(FindingCode.ObservedAttemptNotCompared,
                $"The latest observed attempt ({observed}) neither confirms nor contradicts the prediction ({Verdict(prediction)}).", evidence);
        }

        if (Agrees(prediction, attempt))
        {
            return FindingFactory.Information(FindingCode.ObservedAttemptAgrees,
                $"The latest observed attempt ({observed}) agrees with the prediction ({Verdict(prediction)}).", evidence);
        }

        return FindingFactory.Warning(FindingCode.ObservedAttemptContradicts,
            $"The latest observed attempt ({observed}) contradicts the prediction ({Verdict(prediction)}). The attempt shows the tenant " +
            "at that time: a setting, role or method may have changed since, or a fact the prediction read is stale.",
            evidence,
            "Compare the attempt's steps (Get-SsprResetActivity) with the prediction's findings.");
    }

    private static bool Agrees(ResetPrediction prediction, SsprResetAttempt attempt) =>
        attempt.Outcome == ResetAttemptOutcome.Succeeded
            ? prediction.Outcome == PredictionOutcome.Succeeds
            : prediction.Outcome == PredictionOutcome.Fails &&
              (prediction.PredictedError == attempt.ErrorCode || prediction.AlternativeErrors.Contains(attempt.ErrorCode, StringComparer.Ordinal));

    private static string Verdict(ResetPrediction p) => p.PredictedError is null ? p.Outcome : $"{p.Outcome} with {p.PredictedError}";

    internal static string Evidence(SsprResetAttempt attempt) =>
        $"Audit log: attempt {attempt.CorrelationId} at {attempt.StartedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}, " +
        $"\"{attempt.Reason}\"; GET /v1.0/auditLogs/directoryAudits";
}
