using SsprTools.Engine.Catalogs;
using SsprTools.Engine.Findings;

namespace SsprTools.Engine.Rules;

/// <summary>SSPR_0012 ("Your organization doesn't have the required licenses"). concept-sspr-licensing.md: cloud-only
/// reset needs Microsoft 365 Business Standard or higher or Entra ID P1/P2; reset with on-premises writeback needs Entra
/// ID P1/P2 or Microsoft 365 Business Premium. This is a tenant check: the page adds that "some unlicensed users may
/// technically be able to access SSPR", so per-user licences are only a warning (<see cref="UserLicenceRule"/>).
/// Cloud-only administrators are exempt: concept-sspr-policy.md describes the administrator policy for "trial or free
/// versions of Microsoft Entra ID" too.</summary>
internal sealed class TenantLicenceRule : IResetRule
{
    private readonly bool forAdministrators;

    public TenantLicenceRule(bool forAdministrators) => this.forAdministrators = forAdministrators;

    public RuleVerdict Evaluate(ResetContext context)
    {
        var synced = context.IsSynced;
        var licensing = context.Licensing;
        if (forAdministrators && synced == false)
        {
            return RuleVerdict.NotApplicable();
        }

        bool? licensed = synced switch
        {
            true => licensing.LicensesWriteback,
            false => licensing.LicensesCloudReset,
            null when licensing.LicensesWriteback == true => true,
            null when !forAdministrators && licensing.LicensesCloudReset == false => false,
            _ => null,
        };

        // Licensed through Microsoft 365 alone (Business Standard, no Entra ID P1/P2): Microsoft 365's "Let users reset
        // their own passwords" (let-users-reset-passwords.md, "Before you begin") says SSPR for cloud users comes with paid
        // plans and "It doesn't work with Microsoft 365 trial". Entra's pages describe SSPR in trials and name no error for
        // it, so on a trial (or when the trial state is unreadable) the licence check is undecided.
        if (licensed == true && licensing.IsEntraIdFree == true && context.Trial.IsTrial != false)
        {
            return Microsoft365Trial(context.Trial, licensing);
        }

        return licensed switch
        {
            true => RuleVerdict.Pass("licensed"),
            false => Unlicensed(synced == true, licensing),
            _ => Undetermined(licensing),
        };
    }

    private static RuleVerdict Unlicensed(bool needsWriteback, TenantLicensing licensing) =>
        RuleVerdict.Fail(
            needsWriteback ? "no licence for SSPR with writeback" : "no licence for cloud-only password reset",
            FindingFactory.Error(
                FindingCode.TenantNotLicensed,
                SsprErrorCode.UserNotLicensed,
                needsWriteback
                    ? "The user's password is managed on-premises; SSPR with writeback needs Microsoft Entra ID P1/P2 or Microsoft 365 Business Premium, and the tenant has neither."
                    : "The tenant has no active subscription (Microsoft Entra ID Free), which does not include password reset for cloud-only users.",
                licensing.Evidence,
                needsWriteback ? Remediation.LicenceWriteback : Remediation.LicenceCloudReset));

    private static RuleVerdict Microsoft365Trial(TenantTrial trial, TenantLicensing licensing) =>
        RuleVerdict.Undetermined(
            trial.IsTrial == true ? "Microsoft 365 trial without Entra ID P1/P2" : "trial state unreadable",
            FindingFactory.Warning(
                FindingCode.TenantLicenceUndetermined,
                (trial.IsTrial == true
                    ? "The tenant runs on trial subscriptions only and has no Entra ID P1/P2 plan."
                    : "The tenant has no Entra ID P1/P2 plan and whether it runs on a trial could not be read.")
                + " Microsoft 365's page \"Let users reset their own passwords\" says self-service password reset for cloud users comes with paid plans and \"doesn't work with Microsoft 365 trial\"; Entra's pages do not say so and name no SSPR error for it.",
                FactText.Join(licensing.Evidence, trial.Evidence),
                trial.IsTrial == true
                    ? "Convert the trial to a paid Microsoft 365 subscription, or add Microsoft Entra ID P1/P2"
                    : "Grant Organization.Read.All (or LicenseAssignment.Read.All) and run again"));

    private static RuleVerdict Undetermined(TenantLicensing licensing) =>
        RuleVerdict.Undetermined(
            "licensing undetermined",
            FindingFactory.Warning(
                FindingCode.TenantLicenceUndetermined,
                licensing.IsReadable
                    ? "None of the tenant's active SKUs is one the licensing page names (Entra ID P1/P2, Microsoft 365 Business Standard, Business Premium), and Microsoft does not list which other SKUs count as \"Business Standard or higher\"."
                    : "The tenant's subscribed SKUs could not be read, so whether SSPR is licensed (SSPR_0012) is unknown.",
                licensing.Evidence,
                licensing.IsReadable
                    ? "Check the SKU's service description for self-service password reset"
                    : "Grant Organization.Read.All (or LicenseAssignment.Read.All) and run again"));
}
