using SsprTools.Engine.Facts;
using SsprTools.Engine.Model;

namespace SsprTools.Engine.Rules;

/// <summary>The one finding for an unreadable userRegistrationDetails row, shared by the rules that need it.</summary>
internal static class RegistrationReport
{
    public static Finding Unreadable(UserFacts user) => NewFinding.Warning(
        FindingCode.RegistrationDetailsUnreadable,
        "The user's row of the registration report (userRegistrationDetails) could not be read, so whether the user policy enables the user and whether they registered enough methods is unknown.",
        FactText.Unreadable("userRegistrationDetails", user.Registration),
        Remediation.GrantRegistrationReport);

    public static string Evidence(UserFacts user) => FactText.Describe(
        "userRegistrationDetails",
        user.Registration,
        r => $"isSsprEnabled {Flag(r.IsSsprEnabled)}, isSsprRegistered {Flag(r.IsSsprRegistered)}, isSsprCapable {Flag(r.IsSsprCapable)}, methodsRegistered {FactText.List(r.MethodsRegistered)}, lastUpdatedDateTime {r.LastUpdatedDateTime?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) ?? "null"}");

    private static string Flag(bool value) => value ? "true" : "false";
}
