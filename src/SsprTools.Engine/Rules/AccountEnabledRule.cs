using SsprTools.Engine.Findings;

namespace SsprTools.Engine.Rules;

/// <summary>concept-sspr-howitworks.md lists "Is the user account valid?" among the portal's checks but does not say what
/// a disabled account sees; a reset would not enable it either. So a disabled account makes the outcome Unknown
/// (a failure found by a later rule still decides).</summary>
internal sealed class AccountEnabledRule : IResetRule
{
    public RuleVerdict Evaluate(ResetContext context)
    {
        var accountEnabled = context.User.AccountEnabled;
        if (!accountEnabled.TryGetValue(out var enabled))
        {
            return RuleVerdict.Unreadable(
                accountEnabled,
                "user.accountEnabled",
                FindingCode.AccountStateUnreadable,
                "accountEnabled could not be read (it needs more than User.ReadBasic.All); a disabled account cannot use a reset.",
                "Grant User.Read.All and run again");
        }

        return enabled
            ? RuleVerdict.Pass("")
            : RuleVerdict.Undetermined(
                "account disabled",
                FindingFactory.Warning(
                    FindingCode.AccountDisabled,
                    "The account is disabled. Microsoft does not document which error SSPR shows a disabled account, and a reset would not let the user sign in.",
                    FactText.Describe("user.accountEnabled", accountEnabled),
                    Remediation.EnableAccount));
    }
}
