using System.Linq;
using SsprTools.Engine.Catalogs;
using SsprTools.Engine.Findings;

namespace SsprTools.Engine.Rules;

/// <summary>Per-user licence, never decisive. concept-sspr-licensing.md: "Although some unlicensed users may technically be
/// able to access SSPR, a license is required for any user that you intend to benefit from the service";
/// troubleshoot-sspr.md: a user without a licence may see "Your administrator has not enabled you to use this feature".
/// Checked only where the tenant has Entra ID P1/P2 (user.assignedPlans, capabilityStatus Enabled); a user licensed through
/// Business Standard has no such plan, which the finding says.</summary>
internal sealed class UserLicenceRule : IResetRule
{
    public RuleVerdict Evaluate(ResetContext context)
    {
        var plans = context.User.AssignedPlans;
        if (!context.Licensing.HasEntraPremium || !plans.TryGetValue(out var assigned))
        {
            return RuleVerdict.NotApplicable();
        }

        var licensed = assigned.Any(p =>
            LicenceCatalog.IsEntraPremiumPlan(p.ServicePlanId) && LicenceCatalog.Same(p.CapabilityStatus, "Enabled"));
        if (licensed)
        {
            return RuleVerdict.NotApplicable();
        }

        var synced = context.IsSynced == true;
        return RuleVerdict.NotApplicable(FindingFactory.Warning(
            FindingCode.UserWithoutEntraPremiumPlan,
            "The tenant has Microsoft Entra ID P1/P2 but this user has no enabled P1/P2 plan. Microsoft requires a licence for every user who benefits from SSPR; an unlicensed user may be told \"Your administrator has not enabled you to use this feature\"."
            + (synced ? "" : " Not needed if the user is licensed through Microsoft 365 Business Standard (cloud-only reset)."),
            FactText.Describe("user.assignedPlans", plans, all => FactText.List(
                all.Select(p => $"{p.ServicePlanId} ({p.CapabilityStatus})"))),
            synced ? Remediation.LicenceWriteback : Remediation.LicenceCloudReset));
    }
}
