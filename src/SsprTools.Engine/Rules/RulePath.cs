using System.Collections.Generic;
using System.Linq;
using SsprTools.Engine.Model;

namespace SsprTools.Engine.Rules;

/// <summary>The checks of one policy, in the order the SSPR portal makes them (<see cref="SsprErrorCode.CheckOrder"/>):
/// enabled for SSPR (0009, 0012, 0013), then methods (0014), then writeback (0010). The first failure is the error the user
/// sees; an unreadable earlier check cannot turn a later certain failure into success, only make its code less sure.</summary>
internal sealed class RulePath
{
    private readonly IReadOnlyList<IResetRule> rules;

    private RulePath(params IResetRule[] rules) => this.rules = rules;

    /// <summary>The administrator reset policy (concept-sspr-policy.md, "Administrator reset policy differences").</summary>
    public static RulePath Administrator { get; } = new(
        new GuestUserRule(),
        new AccountEnabledRule(),
        new AdminSwitchRule(),
        new TenantLicenceRule(forAdministrators: true),
        new UserLicenceRule(),
        new ReportConfirmedRule(new AdminMethodsRule(), countsLiveMethods: true),
        new PasswordWritebackRule(forAdministrators: true));

    /// <summary>The user reset policy (concept-sspr-howitworks.md, "How does the password reset process work?").</summary>
    public static RulePath User { get; } = new(
        new GuestUserRule(),
        new AccountEnabledRule(),
        new UserPolicyEnabledRule(),
        new TenantLicenceRule(forAdministrators: false),
        new UserLicenceRule(),
        new UserPolicyScopeRule(),
        new ReportConfirmedRule(new UserRegistrationRule(), countsLiveMethods: false),
        new PasswordWritebackRule(forAdministrators: false));

    public PathResult Run(ResetContext context)
    {
        var verdicts = new List<RuleVerdict>();
        foreach (var rule in rules)
        {
            var verdict = rule.Evaluate(context);
            verdicts.Add(verdict);
            if (verdict.StopsEvaluation)
            {
                break;
            }
        }

        var findings = FindingList.Distinct(verdicts.SelectMany(v => v.Findings));
        var failure = verdicts.FirstOrDefault(v => v.Kind == VerdictKind.Fail);
        if (failure is not null)
        {
            var before = Summaries(verdicts.TakeWhile(v => v != failure).Where(v => v.Kind == VerdictKind.Undetermined));
            var reason = before.Length == 0 ? failure.Summary : $"{failure.Summary} (not decided before it: {before})";
            return new PathResult(PredictionOutcome.Fails, failure.ErrorCode, reason, findings);
        }

        var open = Summaries(verdicts.Where(v => v.Kind == VerdictKind.Undetermined));
        if (open.Length > 0)
        {
            return new PathResult(PredictionOutcome.Unknown, null, open, findings);
        }

        var passed = Summaries(verdicts.Where(v => v.Kind == VerdictKind.Pass));
        return new PathResult(PredictionOutcome.Succeeds, null, passed.Length == 0 ? "no blocking condition found" : passed, findings);
    }

    private static string Summaries(IEnumerable<RuleVerdict> verdicts) =>
        string.Join("; ", verdicts.Select(v => v.Summary).Where(s => s.Length > 0));
}
