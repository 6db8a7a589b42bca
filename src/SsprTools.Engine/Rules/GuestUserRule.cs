using System.Collections.Generic;
using System;
using SsprTools.Engine.Facts;
using SsprTools.Engine.Findings;

namespace SsprTools.Engine.Rules;

/// <summary>Guests reset in their home organization: "If your partner has a Microsoft Entra tenant, we respect whatever
/// password reset policies are enabled on that tenant" (concept-sspr-howitworks.md, "Password reset for B2B users").
/// That holds for B2B collaboration users whose userType is Member too ("External member", external-id
/// user-properties.md): their account is homed in the partner organization. This tenant's facts do not decide it, so
/// the prediction is Unknown and no other rule applies.</summary>
internal sealed class GuestUserRule : IResetRule
{
    public RuleVerdict Evaluate(ResetContext context)
    {
        var userType = context.User.UserType;
        var readable = userType.TryGetValue(out var type);
        if (readable && type == UserType.Guest)
        {
            return RuleVerdict.UndeterminedAndStop(
                "guest: resets in the home organization, not here",
                FindingFactory.Information(
                    FindingCode.GuestResetsInHomeTenant,
                    "Guests reset their password in their home organization under its policies (concept-sspr-howitworks.md, \"Password reset for B2B users\"); this tenant's settings do not decide it. Guests with personal Microsoft accounts can't use Microsoft Entra SSPR at all.",
                    FactText.Describe("user.userType", userType)));
        }

        // The B2B signals do not depend on userType, so they decide even when userType is unreadable.
        var signals = ExternalSignals(context.User);
        if (signals.Count > 0)
        {
            return RuleVerdict.UndeterminedAndStop(
                "B2B member: resets in the home organization, not here",
                FindingFactory.Information(
                    FindingCode.ExternalMemberResetsInHomeTenant,
                    "The user is a B2B collaboration user who is not a guest (an \"external member\", user-properties.md): the account is homed in a partner organization, and partner users reset there under its policies (concept-sspr-howitworks.md, \"Password reset for B2B users\"); this tenant's settings do not decide it.",
                    FactText.Join(FactText.Describe("user.userType", userType), string.Join(FactText.Separator, signals))));
        }

        return readable
            ? RuleVerdict.Pass("")
            : RuleVerdict.Unreadable(
                userType,
                "user.userType",
                FindingCode.UserTypeUnreadable,
                "userType could not be read; a guest would reset in their home organization, so the rules below assume a member.");
    }

    /// <summary>user.md: externalUserState is set only for users invited with the invitation API, creationType
    /// "Invitation" marks an external account; user-properties.md: a B2B collaboration user's UPN "contains an #EXT#
    /// identifier".</summary>
    private static List<string> ExternalSignals(UserFacts user)
    {
        var signals = new List<string>();
        if (user.ExternalUser.TryGetValue(out var external))
        {
            if (!string.IsNullOrEmpty(external.ExternalUserState))
            {
                signals.Add(FactText.Describe("user.externalUserState", user.ExternalUser, e => e.ExternalUserState!));
            }

            if (string.Equals(external.CreationType, "Invitation", StringComparison.OrdinalIgnoreCase))
            {
                signals.Add(FactText.Describe("user.creationType", user.ExternalUser, e => e.CreationType!));
            }
        }

        if (user.UserPrincipalName.IndexOf("#EXT#", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            signals.Add($"user.userPrincipalName = {user.UserPrincipalName} (contains #EXT#)");
        }

        return signals;
    }
}
