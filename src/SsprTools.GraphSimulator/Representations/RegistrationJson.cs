using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using SsprTools.GraphSimulator.Tenant;

namespace SsprTools.GraphSimulator.Representations;

/// <summary>
/// userRegistrationDetails (api-reference/v1.0/resources/userregistrationdetails.md), derived from the user's
/// authentication methods so the report and /authentication/methods always agree. Scenario overrides win.
/// </summary>
internal static class RegistrationJson
{
    // A fixed report time: the real report is refreshed periodically, not on every change.
    private static readonly DateTimeOffset ReportTime = new(2025, 1, 6, 7, 0, 0, TimeSpan.Zero);

    private static readonly ConditionalWeakTable<TenantState, RenderCache<UserRecord>> Caches = new();

    public static JsonObject Full(TenantState tenant, UserRecord user) =>
        Caches.GetValue(tenant, t => new RenderCache<UserRecord>(u => Render(t, u))).Get(user);

    private static JsonObject Render(TenantState tenant, UserRecord u)
    {
        var isAdmin = tenant.Directory.IsAdmin(u.Id);
        var registered = u.Methods.Select(AuthMethods.RegisteredName).Distinct().ToList();
        // Admins face the two-gate policy (concept-sspr-policy.md); others need the policy's number of methods.
        var required = isAdmin ? 2 : Math.Max(1, tenant.Sspr.MethodsRequired);
        var ssprRegistered = u.Methods.Count(AuthMethods.CountsForSspr) >= required;
        var ssprEnabled = SsprEnabledByPolicy(tenant, u);
        var mfaRegistered = u.Methods.Any(AuthMethods.CountsForMfa);
        var preferred = PreferredSecondFactor(u);

        var result = new JsonObject
        {
            ["id"] = u.Id,
            ["userPrincipalName"] = u.UserPrincipalName,
            ["userDisplayName"] = u.DisplayName,
            ["userType"] = u.UserType.ToLowerInvariant(), // lower-case here, unlike user.userType
            ["isAdmin"] = isAdmin,
            ["isSsprRegistered"] = ssprRegistered,
            ["isSsprEnabled"] = ssprEnabled,
            ["isSsprCapable"] = ssprRegistered && ssprEnabled,
            ["isMfaRegistered"] = mfaRegistered,
            ["isMfaCapable"] = mfaRegistered,
            ["isPasswordlessCapable"] = u.Methods.Any(AuthMethods.IsPasswordless),
            ["isSystemPreferredAuthenticationMethodEnabled"] = true,
            ["lastUpdatedDateTime"] = Json.Date(ReportTime),
            ["methodsRegistered"] = Json.Strings(registered),
            ["systemPreferredAuthenticationMethods"] = Json.Strings(preferred == "none" ? [] : [preferred]),
            ["userPreferredMethodForSecondaryAuthentication"] = preferred,
        };
        foreach (var (name, value) in u.RegistrationOverrides ?? [])
            result[name] = value?.DeepClone();
        return result;
    }

    private static bool SsprEnabledByPolicy(TenantState tenant, UserRecord u) => tenant.Sspr.EnabledFor.ToLowerInvariant() switch
    {
        "all" => true,
        "selected" => tenant.Directory.TransitiveGroups(u.Id).Any(g =>
            g.Id.Equals(tenant.Sspr.Group, StringComparison.OrdinalIgnoreCase) || g.DisplayName.Equals(tenant.Sspr.Group, StringComparison.OrdinalIgnoreCase)),
        _ => false,
    };

    private static string PreferredSecondFactor(UserRecord u) =>
        u.Methods.Any(m => m.Type == "microsoftAuthenticator") ? "push"
        : u.Methods.Any(m => m.Type == "phone" && m.PhoneType == "mobile") ? "sms"
        : u.Methods.Any(m => m.Type == "softwareOath") ? "oath"
        : u.Methods.Any(m => m.Type == "phone") ? "voiceOffice"
        : "none";
}
