using SsprTools.Engine.Catalogs;
using SsprTools.Engine.Facts;
using SsprTools.Engine.Findings;

namespace SsprTools.Engine.Rules;

/// <summary>SSPR_0013: the user policy is scoped to a group (Selected) and the user is not in it. userRegistrationDetails
/// isSsprEnabled: "whether the user is allowed to perform self-service password reset by policy" (Graph resource page).</summary>
internal sealed class UserPolicyScopeRule : IResetRule
{
    public RuleVerdict Evaluate(ResetContext context)
    {
        var user = context.User;
        var scopeFact = context.Tenant.UserPolicyScope;
        SsprUserPolicyScope? scope = scopeFact.TryGetValue(out var s) ? s : null;
        if (scope == SsprUserPolicyScope.None)
        {
            return RuleVerdict.NotApplicable();
        }

        if (!user.Registration.TryGetValue(out var registration))
        {
            return scope == SsprUserPolicyScope.All
                ? RuleVerdict.Pass("")
                : RuleVerdict.Undetermined("SSPR enablement unreadable", RegistrationReport.Unreadable(user));
        }

        if (registration.IsSsprEnabled is null)
        {
            // Missing is unreadable, never false: like an unreadable row, a stated All still enables the user.
            return scope == SsprUserPolicyScope.All
                ? RuleVerdict.Pass("")
                : RuleVerdict.Undetermined("whether the user policy covers the user is unknown (isSsprEnabled missing from the report)", RegistrationReport.Incomplete(user, registration));
        }

        if (registration.IsSsprEnabled == true)
        {
            return RuleVerdict.Pass("the user policy enables the user");
        }

        var evidence = FactText.Join(RegistrationReport.Evidence(user), FactText.Describe("user SSPR policy", scopeFact));
        if (scope == SsprUserPolicyScope.All)
        {
            return RuleVerdict.Undetermined(
                "policy All but report says not enabled",
                FindingFactory.Warning(
                    FindingCode.UserSsprEnablementContradiction,
                    "The user policy is stated as All, yet the registration report says the user is not enabled (isSsprEnabled = false). The report may be stale (see lastUpdatedDateTime) or the user may lack a licence (troubleshoot-sspr.md).",
                    evidence));
        }

        return RuleVerdict.Fail(
            "the user is not in the SSPR-enabled group",
            FindingFactory.Error(
                FindingCode.UserNotInSsprScope,
                SsprErrorCode.UserNotMemberOfScopedAccessGroup,
                scope is null
                    ? "The user policy does not enable this user (isSsprEnabled = false): with the policy scoped to a group (Selected) the user is outside it. If the policy is None the portal shows SSPR_0009 or SSPR_0011 instead."
                    : "The user policy is scoped to a group (Selected) and this user is not in it (isSsprEnabled = false).",
                evidence,
                Remediation.AddToSsprGroup));
    }
}
