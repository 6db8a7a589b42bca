using SsprTools.Engine.Facts;

namespace SsprTools.Engine.Rules;

/// <summary>Guests reset in their home organization: "If your partner has a Microsoft Entra tenant, we respect whatever
/// password reset policies are enabled on that tenant" (concept-sspr-howitworks.md, "Password reset for B2B users").
/// This tenant's facts do not decide it, so the prediction is Unknown and no other rule applies.</summary>
internal sealed class GuestUserRule : IResetRule
{
    public RuleVerdict Evaluate(ResetContext context)
    {
        var userType = context.User.UserType;
        if (!userType.TryGetValue(out var type))
        {
            return RuleVerdict.Unreadable(
                userType,
                "user.userType",
                FindingCode.UserTypeUnreadable,
                "userType could not be read; a guest would reset in their home organization, so the rules below assume a member.");
        }

        return type == UserType.Guest
            ? RuleVerdict.UndeterminedAndStop(
                "guest: resets in the home organization, not here",
                NewFinding.Information(
                    FindingCode.GuestResetsInHomeTenant,
                    "Guests reset their password in their home organization under its policies (concept-sspr-howitworks.md, \"Password reset for B2B users\"); this tenant's settings do not decide it. Guests with personal Microsoft accounts can't use Microsoft Entra SSPR at all.",
                    FactText.Describe("user.userType", userType)))
            : RuleVerdict.Pass("");
    }
}
