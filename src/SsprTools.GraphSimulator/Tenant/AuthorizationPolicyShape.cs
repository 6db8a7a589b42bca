using System.Text.Json;
using System.Text.Json.Nodes;
using SsprTools.GraphSimulator.Pipeline;

namespace SsprTools.GraphSimulator.Tenant;

/// <summary>
/// The documented authorizationPolicy resource: its properties, defaults, which ones PATCH may set and their types
/// (graph-docs api-reference/v1.0/resources/authorizationpolicy.md, beta/resources/authorizationpolicy.md).
/// </summary>
internal static class AuthorizationPolicyShape
{
    private enum Kind { String, Boolean, NullableBoolean, StringCollection, Guid, Enum, DefaultUserRolePermissions }

    private static readonly string[] InviteValues = ["none", "adminsAndGuestInviters", "adminsGuestInvitersAndAllMembers", "everyone"];

    // Writable properties per version; 'id' is read-only.
    private static readonly Dictionary<string, Kind> V1Writable = new(StringComparer.Ordinal)
    {
        ["displayName"] = Kind.String,
        ["description"] = Kind.String,
        ["allowedToSignUpEmailBasedSubscriptions"] = Kind.Boolean,
        ["allowedToUseSSPR"] = Kind.Boolean,
        ["allowEmailVerifiedUsersToJoinOrganization"] = Kind.Boolean,
        ["allowInvitesFrom"] = Kind.Enum,
        ["allowUserConsentForRiskyApps"] = Kind.Boolean,
        ["blockMsolPowerShell"] = Kind.NullableBoolean,
        ["defaultUserRolePermissions"] = Kind.DefaultUserRolePermissions,
        ["guestUserRoleId"] = Kind.Guid,
    };

    private static readonly Dictionary<string, Kind> BetaOnlyWritable = new(StringComparer.Ordinal)
    {
        ["enabledPreviewFeatures"] = Kind.StringCollection,
        ["permissionGrantPolicyIdsAssignedToDefaultUserRole"] = Kind.StringCollection,
    };

    private static readonly string[] DefaultUserRolePermissionNames =
        ["allowedToCreateApps", "allowedToCreateSecurityGroups", "allowedToCreateTenants", "allowedToReadBitlockerKeysForOwnedDevice", "allowedToReadOtherUsers", "permissionGrantPoliciesAssigned"];

    /// <summary>A new tenant's policy, values as in the documented example.</summary>
    public static JsonObject Default() => new()
    {
        ["id"] = "authorizationPolicy",
        ["allowInvitesFrom"] = "everyone",
        ["allowedToSignUpEmailBasedSubscriptions"] = true,
        ["allowedToUseSSPR"] = true,
        ["allowEmailVerifiedUsersToJoinOrganization"] = true,
        ["allowUserConsentForRiskyApps"] = false,
        ["blockMsolPowerShell"] = false,
        ["displayName"] = "Authorization Policy",
        ["description"] = "Used to manage authorization related settings across the company.",
        ["guestUserRoleId"] = "a0b1b346-4d3e-4e8b-98f8-753987be4970",
        ["enabledPreviewFeatures"] = new JsonArray(),
        ["permissionGrantPolicyIdsAssignedToDefaultUserRole"] = new JsonArray("managePermissionGrantsForSelf.microsoft-user-default-legacy"),
        ["defaultUserRolePermissions"] = new JsonObject
        {
            ["allowedToCreateApps"] = true,
            ["allowedToCreateSecurityGroups"] = true,
            ["allowedToCreateTenants"] = true,
            ["allowedToReadBitlockerKeysForOwnedDevice"] = true,
            ["allowedToReadOtherUsers"] = true,
            ["permissionGrantPoliciesAssigned"] = new JsonArray("ManagePermissionGrantsForSelf.microsoft-user-default-legacy"),
        },
    };

    /// <summary>The representation for a version: beta-only properties are dropped from v1.0.</summary>
    public static JsonObject ForVersion(JsonObject policy, string version)
    {
        if (version == "beta")
            return policy;
        foreach (var name in BetaOnlyWritable.Keys)
            policy.Remove(name);
        return policy;
    }

    /// <summary>Rejects what Graph rejects: unknown or read-only properties and values of the wrong type.</summary>
    public static void Validate(JsonObject changes, string version)
    {
        foreach (var (name, value) in changes)
        {
            if (name.StartsWith('@'))
                continue; // instance annotations such as @odata.type are allowed in request bodies
            if (!TryGetKind(name, version, out var kind))
                throw GraphError.BadRequest($"Invalid property '{name}'.");
            if (!IsValid(kind, value))
                throw GraphError.BadRequest($"Invalid value specified for property '{name}' of resource 'AuthorizationPolicy'.");
        }
    }

    public static void Merge(JsonObject target, string name, JsonNode? value)
    {
        if (name.StartsWith('@'))
            return;
        if (name == "defaultUserRolePermissions" && value is JsonObject partial && target[name] is JsonObject existing)
        {
            foreach (var (inner, innerValue) in partial)
                existing[inner] = innerValue?.DeepClone();
            return;
        }
        target[name] = value?.DeepClone();
    }

    private static bool TryGetKind(string name, string version, out Kind kind) =>
        V1Writable.TryGetValue(name, out kind) || (version == "beta" && BetaOnlyWritable.TryGetValue(name, out kind));

    private static bool IsValid(Kind kind, JsonNode? value) => kind switch
    {
        Kind.String => value is null || IsString(value),
        Kind.Boolean => value is JsonValue v && (v.GetValueKind() is JsonValueKind.True or JsonValueKind.False),
        Kind.NullableBoolean => value is null || (value is JsonValue v && (v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)),
        Kind.Enum => value is JsonValue e && IsString(e) && InviteValues.Contains(e.GetValue<string>()),
        Kind.Guid => value is JsonValue g && IsString(g) && Guid.TryParse(g.GetValue<string>(), out _),
        Kind.StringCollection => value is JsonArray a && a.All(IsString),
        Kind.DefaultUserRolePermissions => value is JsonObject o && o.All(p => p.Key.StartsWith('@') || DefaultUserRolePermissionNames.Contains(p.Key)),
        _ => false,
    };

    private static bool IsString(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String;
}
