using System.Collections.Generic;
using System.Linq;
using SsprTools.Engine.Catalogs;
using SsprTools.Engine.Findings;
using SsprTools.Model;

namespace SsprTools.Engine.Rules;

/// <summary>When it is unknown whether the administrator policy applies, the verdict stands only where both policies
/// agree: both fail (the earlier error in portal order is predicted, the other one is an alternative) or both succeed;
/// otherwise Unknown.</summary>
internal static class PolicyAgreement
{
    private const string AsAdministrator = "If the administrator policy applies: ";
    private const string AsUser = "If the user policy applies: ";

    public static PolicyOutcome Combine(PolicyOutcome administrator, PolicyOutcome user)
    {
        string outcome;
        string? error = null;
        IReadOnlyList<string>? alternatives = null;
        string reason;
        if (administrator.Outcome == PredictionOutcome.Fails && user.Outcome == PredictionOutcome.Fails)
        {
            outcome = PredictionOutcome.Fails;
            error = SsprErrorCode.CheckOrder(administrator.PredictedError!) <= SsprErrorCode.CheckOrder(user.PredictedError!)
                ? administrator.PredictedError
                : user.PredictedError;

            // Which policy applies is undecided, so the other path's code is as likely as the predicted one.
            alternatives = ErrorCodes.Alternatives(
                error,
                new[] { administrator.PredictedError!, user.PredictedError! }.Concat(administrator.AlternativeErrors).Concat(user.AlternativeErrors));
            reason = $"fails under either policy: administrator: {administrator.Reason}; user: {user.Reason}";
        }
        else if (administrator.Outcome == PredictionOutcome.Succeeds && user.Outcome == PredictionOutcome.Succeeds)
        {
            outcome = PredictionOutcome.Succeeds;
            reason = "succeeds under either policy";
        }
        else
        {
            outcome = PredictionOutcome.Unknown;
            reason = $"depends on whether the administrator policy applies: administrator policy {administrator.Verdict}, user policy {user.Verdict}";
        }

        var findings = Merge(administrator.Findings, user.Findings, outcome);
        return new PolicyOutcome(outcome, error, reason, findings, alternatives);
    }

    /// <summary>Findings both paths share stay as they are; the others say which policy they belong to, and errors turn
    /// into warnings unless the combined outcome is a failure.</summary>
    private static IReadOnlyList<Finding> Merge(IReadOnlyList<Finding> administrator, IReadOnlyList<Finding> user, string outcome)
    {
        var shared = administrator.Where(a => user.Any(u => SameFinding(a, u))).ToList();
        var merged = new List<Finding>(shared);
        merged.AddRange(administrator.Where(a => !shared.Contains(a)).Select(f => Qualify(f, AsAdministrator, outcome)));
        merged.AddRange(user.Where(u => !shared.Any(s => SameFinding(s, u))).Select(f => Qualify(f, AsUser, outcome)));
        return merged;
    }

    private static bool SameFinding(Finding left, Finding right) =>
        left.Code == right.Code && left.Message == right.Message;

    private static Finding Qualify(Finding finding, string condition, string outcome) => new()
    {
        Code = finding.Code,
        Severity = finding.Severity == FindingSeverity.Error && outcome != PredictionOutcome.Fails
            ? FindingSeverity.Warning
            : finding.Severity,
        Message = condition + finding.Message,
        Evidence = finding.Evidence,
        Remediation = finding.Remediation,
        ErrorCode = finding.ErrorCode,
    };
}
