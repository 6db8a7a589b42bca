using SsprTools.Engine.Catalogs;
using SsprTools.Engine.Facts;
using SsprTools.Engine.Findings;

namespace SsprTools.Engine.Rules;

/// <summary>SSPR_0029 for synchronized accounts in an on-premises protected group. Support article
/// password-writeback-error-code-sspr-0029.md, "Cause 1": a synchronized Active Directory admin "who belongs (or used to
/// belong) to an on-premises Active Directory protected group" can't reset through writeback; "Solution: None (behavior is
/// by design)". The error appears after the new password is submitted, so this check comes last. Active Directory marks
/// such accounts with adminCount = 1; Graph cannot see it, so it comes from the administrator: per user (-AdminCount, from
/// Get-ADUser -Properties adminCount) or for the run (-OnPremisesProtectedAdmins None). Unstated, a synchronized
/// administrator's reset is undecided; other synchronized users, whom the article's "admin" wording does not single out,
/// are only judged when their adminCount is stated.</summary>
internal sealed class OnPremisesProtectedAccountRule : IResetRule
{
    private readonly bool forAdministrators;

    public OnPremisesProtectedAccountRule(bool forAdministrators) => this.forAdministrators = forAdministrators;

    public RuleVerdict Evaluate(ResetContext context)
    {
        var synced = context.IsSynced;
        var writeback = context.Tenant.PasswordWriteback;
        var stated = context.User.OnPremisesAdminCount;
        bool? protectedAccount = stated.TryGetValue(out var adminCount) ? adminCount is { } count && count != 0 : null;

        // With writeback off the portal stops at SSPR_0010 and never reaches the on-premises directory.
        if (synced == false || (writeback.TryGetValue(out var state) && state == PasswordWritebackState.Disabled))
        {
            return RuleVerdict.NotApplicable();
        }

        var evidence = FactText.Join(
            SyncedUser.Evidence(context.User),
            stated.IsReadable ? FactText.Describe("adminCount", stated) : "",
            context.Tenant.OnPremisesProtectedAdmins.IsReadable ? FactText.Describe("on-premises protected admins", context.Tenant.OnPremisesProtectedAdmins) : "");

        if (protectedAccount == true)
        {
            return synced == true
                ? RuleVerdict.Fail(
                    "in an on-premises protected group (adminCount = 1)",
                    FindingFactory.Error(
                        FindingCode.OnPremisesProtectedAccount,
                        SsprErrorCode.OnPremisesAdminActionRequired,
                        "The account is or was in an on-premises protected group (adminCount = 1). By design, password writeback can't reset it: the portal shows SSPR_0029 after the new password is entered.",
                        evidence,
                        Remediation.ProtectedAccountReset))
                : RuleVerdict.Undetermined(
                    "adminCount = 1 and sync state unknown",
                    FindingFactory.Warning(
                        FindingCode.SyncedAdminProtectedGroup,
                        "adminCount = 1 is stated, and whether the password is managed on-premises is unknown; if it is, writeback can't reset it (SSPR_0029, by design).",
                        evidence,
                        "Grant User.Read.All and run again"));
        }

        if (synced is null)
        {
            return RuleVerdict.NotApplicable();
        }

        if (protectedAccount == false || (forAdministrators && context.Tenant.OnPremisesProtectedAdmins.IsReadable))
        {
            return RuleVerdict.Pass(
                "",
                FindingFactory.Information(
                    FindingCode.OnPremisesProtectionStated,
                    "Stated not to be in an on-premises protected group, so writeback may reset the password (SSPR_0029 for that cause is ruled out).",
                    evidence));
        }

        return forAdministrators
            ? RuleVerdict.Undetermined(
                "on-premises protected group unknown (SSPR_0029)",
                FindingFactory.Warning(
                    FindingCode.SyncedAdminProtectedGroup,
                    "A synchronized administrator who is or was in an on-premises protected group (adminCount = 1) can't reset through writeback (SSPR_0029, by design); Graph can't see this.",
                    evidence,
                    Remediation.StateProtectedGroup))
            : RuleVerdict.NotApplicable();
    }
}
