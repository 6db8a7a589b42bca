using SsprTools.Engine.Activity;
using SsprTools.Engine.Catalogs;
using SsprTools.Engine.Facts;
using SsprTools.Engine.Findings;
using SsprTools.Model;

namespace SsprTools.Engine.Rules;

/// <summary>SSPR_0010. concept-sspr-howitworks.md: "If SSPR writeback isn't deployed and the user's password is managed
/// on-premises, the user is asked to contact their administrator"; with the portal toggle off, "Federated, pass-through
/// authentication, or password hash synchronized users aren't able to reset their passwords". Graph cannot read the toggle
/// (onPremisesSynchronization.features.passwordWritebackEnabled "isn't in use"), so it comes from -PasswordWriteback.
/// When it is not stated, a successful self-service reset of this synchronized user in the audit log shows writeback worked
/// at that time (the same page: without writeback such a user cannot reset) and decides the check, saying it shows the past.
/// On-premises protected groups (SSPR_0029) are the next check, <see cref="OnPremisesProtectedAccountRule"/>.</summary>
internal sealed class PasswordWritebackRule : IResetRule
{
    /// <summary>The user's latest successful self-service reset in the audit log's window, when activity was read.</summary>
    private static SsprResetAttempt? ObservedSuccess(ResetContext context) =>
        context.User.ObservedResets.TryGetValue(out var observed) ? observed.LatestSuccess : null;

    public RuleVerdict Evaluate(ResetContext context)
    {
        var synced = context.IsSynced;
        if (synced == false)
        {
            return RuleVerdict.NotApplicable();
        }

        var writeback = context.Tenant.PasswordWriteback;
        PasswordWritebackState? state = writeback.TryGetValue(out var w) ? w : null;
        var evidence = FactText.Join(SyncedUser.Evidence(context.User), FactText.Describe("password writeback", writeback));
        if (synced is null)
        {
            return state == PasswordWritebackState.Enabled
                ? RuleVerdict.Pass("writeback enabled")
                : RuleVerdict.Undetermined(
                    "sync state unreadable",
                    FindingFactory.Warning(
                        FindingCode.SyncStateUnreadable,
                        "onPremisesSyncEnabled could not be read, so whether the password is managed on-premises (and needs writeback) is unknown.",
                        evidence,
                        "Grant User.Read.All and run again"));
        }

        return state switch
        {
            PasswordWritebackState.Enabled => RuleVerdict.Pass(
                "writeback enabled",
                FindingFactory.Information(
                    FindingCode.WritebackStatedEnabled,
                    "Password writeback is stated as enabled. Its on-premises health (SSPR_0029 configuration, SSPR_0030 connectivity) can't be read from Graph.",
                    evidence)),
            PasswordWritebackState.Disabled => RuleVerdict.Fail(
                "password writeback is disabled",
                FindingFactory.Error(
                    FindingCode.WritebackDisabled,
                    SsprErrorCode.WritebackNotEnabled,
                    "The user's password is managed on-premises and password writeback is disabled.",
                    evidence,
                    Remediation.EnableWriteback)),
            _ when ObservedSuccess(context) is { } success => RuleVerdict.Pass(
                "writeback worked at the last successful reset",
                FindingFactory.Information(
                    FindingCode.WritebackObservedWorking,
                    $"This synchronized user reset their own password on {success.EndedAt.UtcDateTime:yyyy-MM-dd} (audit log): a reset of an " +
                    "on-premises-managed password needs password writeback, so writeback worked then. This shows the past, not now; " +
                    "state -PasswordWriteback to decide from today's setting.",
                    FactText.Join(evidence, ObservedAgreement.Evidence(success)),
                    Remediation.StateWriteback)),
            _ => RuleVerdict.Undetermined(
                "writeback state unknown",
                FindingFactory.Warning(
                    FindingCode.WritebackUnknown,
                    "The user's password is managed on-premises, so reset needs password writeback; Microsoft Graph cannot read whether writeback is enabled.",
                    evidence,
                    Remediation.StateWriteback)),
        };
    }
}
