using SsprTools.Engine.Catalogs;
using SsprTools.Engine.Facts;
using SsprTools.Engine.Findings;

namespace SsprTools.Engine.Rules;

/// <summary>SSPR_0009 or SSPR_0011 for non-administrators: the user policy "Self-service password reset enabled" is None
/// (troubleshoot-sspr.md: "The directory isn't enabled for password reset … change … to Selected or All"). Which code the
/// portal then shows the page does not settle: TenantSSPRFlagDisabled = 9 ("your administrator has disabled password reset")
/// and SsprNotEnabledInUserPolicy = 11 ("hasn't defined a password reset policy") both fit, so the failure names both
/// (<see cref="PolicyChecks"/> lists the second as an alternative). Graph does not expose the policy; it is known only when
/// the administrator states it, or implied by isSsprEnabled = true.</summary>
internal sealed class UserPolicyEnabledRule : IResetRule
{
    public RuleVerdict Evaluate(ResetContext context)
    {
        var scopeFact = context.Tenant.UserPolicyScope;
        var user = context.User;
        if (scopeFact.TryGetValue(out var scope))
        {
            return scope == SsprUserPolicyScope.None
                ? RuleVerdict.Fail(
                    "the user SSPR policy is None",
                    FindingFactory.Error(
                        FindingCode.UserSsprPolicyDisabled,
                        SsprErrorCode.TenantSsprFlagDisabled,
                        "Self-service password reset is disabled for users (Self-service password reset enabled = None). The portal shows SSPR_0009 (password reset not enabled) or SSPR_0011 (no password reset policy defined); Microsoft does not say which.",
                        FactText.Describe("user SSPR policy", scopeFact),
                        Remediation.EnableUserPolicy))
                : RuleVerdict.Pass("");
        }

        if (!user.Registration.TryGetValue(out var registration))
        {
            return RuleVerdict.Undetermined("SSPR enablement unreadable", RegistrationReport.Unreadable(user));
        }

        if (registration.IsSsprEnabled is null)
        {
            return RuleVerdict.Undetermined("whether the user policy is None is unknown (isSsprEnabled missing from the report)", RegistrationReport.Incomplete(user, registration));
        }

        return registration.IsSsprEnabled == true
            ? RuleVerdict.Pass("")
            : RuleVerdict.Undetermined(
                "user policy unknown (None gives SSPR_0009 or SSPR_0011)",
                FindingFactory.Warning(
                    FindingCode.UserSsprPolicyUnknown,
                    "The user policy does not enable this user (isSsprEnabled = false). Graph cannot read whether the policy is None (the portal shows SSPR_0009 or SSPR_0011) or Selected with the user outside the group (SSPR_0013).",
                    FactText.Join(RegistrationReport.Evidence(user), FactText.Unreadable("user SSPR policy", scopeFact)),
                    Remediation.StateUserPolicy));
    }
}
