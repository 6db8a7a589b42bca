using SsprTools.Engine.Activity;
using SsprTools.Engine.Findings;
using SsprTools.Model;

namespace SsprTools.Engine.Tests.Activity;

public class ObservedAgreementTests
{
    private static ResetPrediction Predicted(string outcome, string? error = null, params string[] alternatives) =>
        new() { UserId = "u1", Outcome = outcome, PredictedError = error, AlternativeErrors = alternatives };

    private static SsprResetAttempt Observed(string outcome, string? code = null) =>
        new() { UserId = "u1", CorrelationId = "c1", Outcome = outcome, ErrorCode = code, Reason = "r", StartedAt = DateTimeOffset.UnixEpoch };

    [Theory]
    [InlineData(PredictionOutcome.Succeeds, null, ResetAttemptOutcome.Succeeded, null, FindingCode.ObservedAttemptAgrees)]
    [InlineData(PredictionOutcome.Fails, "SSPR_0014", ResetAttemptOutcome.Failed, "SSPR_0014", FindingCode.ObservedAttemptAgrees)]
    [InlineData(PredictionOutcome.Fails, "SSPR_0009", ResetAttemptOutcome.Succeeded, null, FindingCode.ObservedAttemptContradicts)]
    [InlineData(PredictionOutcome.Succeeds, null, ResetAttemptOutcome.Failed, "SSPR_0010", FindingCode.ObservedAttemptContradicts)]
    [InlineData(PredictionOutcome.Fails, "SSPR_0014", ResetAttemptOutcome.Failed, "SSPR_0010", FindingCode.ObservedAttemptContradicts)]
    [InlineData(PredictionOutcome.Fails, "SSPR_0009", ResetAttemptOutcome.Failed, null, FindingCode.ObservedAttemptNotCompared)]
    [InlineData(PredictionOutcome.Succeeds, null, ResetAttemptOutcome.Abandoned, null, FindingCode.ObservedAttemptNotCompared)]
    [InlineData(PredictionOutcome.Succeeds, null, ResetAttemptOutcome.Blocked, null, FindingCode.ObservedAttemptNotCompared)]
    [InlineData(PredictionOutcome.Unknown, null, ResetAttemptOutcome.Succeeded, null, FindingCode.ObservedAttemptNotCompared)]
    public void OnlyConfigurationOutcomesAreCompared(string predicted, string? error, string observed, string? code, string expected)
    {
        var finding = ObservedAgreement.Compare(Predicted(predicted, error), Observed(observed, code));

        Assert.Equal(expected, finding.Code);
        Assert.Equal(expected == FindingCode.ObservedAttemptContradicts ? FindingSeverity.Warning : FindingSeverity.Information, finding.Severity);
        Assert.Contains("c1", finding.Evidence);
    }

    [Fact]
    public void AnAlternativeErrorObservedAgrees()
    {
        var finding = ObservedAgreement.Compare(Predicted(PredictionOutcome.Fails, "SSPR_0009", "SSPR_0011"), Observed(ResetAttemptOutcome.Failed, "SSPR_0011"));

        Assert.Equal(FindingCode.ObservedAttemptAgrees, finding.Code);
    }
}
