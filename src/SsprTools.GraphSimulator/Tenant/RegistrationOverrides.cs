using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SsprTools.GraphSimulator.Tenant;

/// <summary>
/// Checks a user's "registration" overrides of the computed userRegistrationDetails row against the resource page
/// (api-reference/v1.0/resources/userregistrationdetails.md), so a misspelt property fails the scenario instead of being
/// ignored. Overrides model a report that lags the live methods (the report "may reflect a latency of up to 36 hours",
/// howto-authentication-methods-activity.md): any property but id, flags as true, false or null (a row that leaves one out).
/// </summary>
internal static class RegistrationOverrides
{
    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal)
    {
        "isAdmin", "isMfaCapable", "isMfaRegistered", "isPasswordlessCapable", "isSsprCapable", "isSsprEnabled",
        "isSsprRegistered", "isSystemPreferredAuthenticationMethodEnabled",
    };

    private static readonly HashSet<string> Lists = new(StringComparer.Ordinal) { "methodsRegistered", "systemPreferredAuthenticationMethods" };

    private static readonly HashSet<string> Texts = new(StringComparer.Ordinal)
    {
        "userDisplayName", "userPrincipalName", "userType", "userPreferredMethodForSecondaryAuthentication",
    };

    private const string Time = "lastUpdatedDateTime";

    public static JsonObject? Validate(JsonObject? overrides, string userPrincipalName)
    {
        foreach (var (name, value) in overrides ?? [])
        {
            var valid = Flags.Contains(name) ? value is null || value.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                : Lists.Contains(name) ? value is null || (value is JsonArray items && items.All(i => i?.GetValueKind() == JsonValueKind.String))
                : Texts.Contains(name) ? value is null || value.GetValueKind() == JsonValueKind.String
                : name == Time ? value is null || (value.GetValueKind() == JsonValueKind.String
                    && DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
                : throw new ScenarioException(
                    $"User '{userPrincipalName}': registration has '{name}', which is not an overridable userRegistrationDetails property ({string.Join(", ", Flags.Concat(Lists).Concat(Texts).Append(Time).Order(StringComparer.Ordinal))}).");
            if (!valid)
            {
                throw new ScenarioException(
                    $"User '{userPrincipalName}': registration.{name} must be {(Flags.Contains(name) ? "true, false or null" : Lists.Contains(name) ? "an array of strings or null" : name == Time ? "an ISO 8601 date and time or null" : "a string or null")}.");
            }
        }

        return overrides;
    }
}
