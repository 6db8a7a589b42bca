using System.Collections.Generic;
using System.Linq;
using System;
using SsprTools.Engine.Catalogs;
using SsprTools.Engine.Findings;
using SsprTools.Model;

namespace SsprTools.Engine.Rules;

/// <summary>The checks of one policy, in the order the SSPR portal makes them (<see cref="SsprErrorCode.CheckOrder"/>):
/// enabled for SSPR (0009, 0012, 0013), then methods (0014), then writeback (0010, 0029). The first failure is the error the
/// user sees; an unreadable earlier check cannot turn a later certain failure into success, only make its code less sure:
/// the code that earlier check fails with becomes an alternative.</summary>
internal sealed class PolicyChecks
{
    private readonly IReadOnlyList<Check> checks;

    private PolicyChecks(params Check[] checks) => this.checks = checks;

    /// <summary>The administrator reset policy (concept-sspr-policy.md, "Administrator reset policy differences").</summary>
    public static PolicyChecks Administrator { get; } = new(
        new(new GuestUserRule()),
        new(new AccountEnabledRule()),
        new(new AdminSwitchRule(), SsprErrorCode.TenantSsprFlagDisabled),
        new(new TenantLicenceRule(forAdministrators: true), SsprErrorCode.UserNotLicensed),
        new(new UserLicenceRule()),
        new(new ReportConfirmedRule(new AdminMethodsRule(), countsLiveMethods: true), SsprErrorCode.UserNotProperlyConfigured),
        new(new PasswordWritebackRule(), SsprErrorCode.WritebackNotEnabled),
        new(new OnPremisesProtectedAccountRule(forAdministrators: true), SsprErrorCode.OnPremisesAdminActionRequired));

    /// <summary>The user reset policy (concept-sspr-howitworks.md, "How does the password reset process work?").</summary>
    public static PolicyChecks User { get; } = new(
        new(new GuestUserRule()),
        new(new AccountEnabledRule()),
        // Policy None: troubleshoot-sspr.md does not settle SSPR_0009 ("isn't enabled") against SSPR_0011 ("hasn't defined a policy").
        new(new UserPolicyEnabledRule(), SsprErrorCode.TenantSsprFlagDisabled, SsprErrorCode.SsprNotEnabledInUserPolicy),
        new(new TenantLicenceRule(forAdministrators: false), SsprErrorCode.UserNotLicensed),
        new(new UserLicenceRule()),
        new(new UserPolicyScopeRule(), SsprErrorCode.UserNotMemberOfScopedAccessGroup),
        new(new ReportConfirmedRule(new UserRegistrationRule(), countsLiveMethods: false), SsprErrorCode.UserNotProperlyConfigured),
        new(new PasswordWritebackRule(), SsprErrorCode.WritebackNotEnabled),
        new(new OnPremisesProtectedAccountRule(forAdministrators: false), SsprErrorCode.OnPremisesAdminActionRequired));

    public PolicyOutcome Run(ResetContext context)
    {
        var verdicts = new List<RuleVerdict>();
        foreach (var check in checks)
        {
            var verdict = check.Rule.Evaluate(context);
            verdicts.Add(verdict);
            if (verdict.StopsEvaluation)
            {
                break;
            }
        }

        var findings = FindingList.Distinct(verdicts.SelectMany(v => v.Findings));
        var failed = verdicts.FindIndex(v => v.Kind == VerdictKind.Fail);
        if (failed >= 0)
        {
            var failure = verdicts[failed];
            var undecided = Enumerable.Range(0, failed).Where(i => verdicts[i].Kind == VerdictKind.Undetermined).ToList();
            var before = Summaries(undecided.Select(i => verdicts[i]));
            var reason = before.Length == 0 ? failure.Summary : $"{failure.Summary} (not decided before it: {before})";

            // The portal may show instead: another code of the failing check, or the code of an earlier undecided check.
            var alternatives = ErrorCodes.Alternatives(
                failure.ErrorCode,
                checks[failed].FailsWith.Concat(undecided.SelectMany(i => checks[i].FailsWith)));
            return new PolicyOutcome(PredictionOutcome.Fails, failure.ErrorCode, reason, findings, alternatives);
        }

        var open = Summaries(verdicts.Where(v => v.Kind == VerdictKind.Undetermined));
        if (open.Length > 0)
        {
            return new PolicyOutcome(PredictionOutcome.Unknown, null, open, findings);
        }

        var passed = Summaries(verdicts.Where(v => v.Kind == VerdictKind.Pass));
        return new PolicyOutcome(PredictionOutcome.Succeeds, null, passed.Length == 0 ? "no blocking condition found" : passed, findings);
    }

    private static string Summaries(IEnumerable<RuleVerdict> verdicts) =>
        string.Join("; ", verdicts.Select(v => v.Summary).Where(s => s.Length > 0));

    /// <summary>A rule and the SSPR codes the portal shows when it fails (troubleshoot-sspr.md), the first being the one
    /// its failure carries; none for a rule that never fails or whose failure has no documented code.</summary>
    private sealed class Check
    {
        public Check(IResetRule rule, params string[] failsWith)
        {
            Rule = rule ?? throw new ArgumentNullException(nameof(rule));
            FailsWith = failsWith;
        }

        public IResetRule Rule { get; }

        public IReadOnlyList<string> FailsWith { get; }
    }
}
