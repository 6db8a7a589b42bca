using SsprTools.Engine.Catalogs;
using SsprTools.Engine.Findings;

namespace SsprTools.Engine.Rules;

/// <summary>SSPR_0009 for administrators. concept-sspr-policy.md: with allowedToUseSSPR false "administrators can't reset
/// their passwords via SSPR, even if they are in scope of the password reset policy for users". Support article
/// password-writeback-error-code-sspr-009.md: a synchronized administrator then sees SSPR_009 ("SSPR for Administrators"
/// not enabled). Cloud-only and synchronized administrators alike.</summary>
internal sealed class AdminSwitchRule : IResetRule
{
    public RuleVerdict Evaluate(ResetContext context)
    {
        var allowed = context.Tenant.AllowedToUseSspr;
        if (!allowed.TryGetValue(out var on))
        {
            return RuleVerdict.Unreadable(
                allowed,
                "allowedToUseSSPR",
                FindingCode.AdminSsprSwitchUnreadable,
                "The administrator SSPR switch (authorizationPolicy.allowedToUseSSPR) could not be read; if it is off the user gets SSPR_0009.",
                "Grant Policy.Read.All and run again");
        }

        return on
            ? RuleVerdict.Pass("SSPR for administrators is on")
            : RuleVerdict.Fail(
                "SSPR for administrators is off (allowedToUseSSPR = false)",
                FindingFactory.Error(
                    FindingCode.AdminSsprDisabled,
                    SsprErrorCode.TenantSsprFlagDisabled,
                    "SSPR for administrator accounts is disabled: administrators can't reset their password via SSPR even when the user policy includes them.",
                    FactText.Describe("allowedToUseSSPR", allowed),
                    Remediation.EnableSsprForAdmins));
    }
}
