using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using SsprTools.GraphSimulator.Tenant;

namespace SsprTools.GraphSimulator.Representations;

/// <summary>The user resource (api-reference/v1.0/resources/user.md).</summary>
internal static class UserJson
{
    public const string Type = "#microsoft.graph.user";

    /// <summary>What GET /users returns without $select (user-list.md "default properties").</summary>
    public static readonly IReadOnlyList<string> DefaultProperties =
        ["businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname", "userPrincipalName", "id"];

    /// <summary>Every property the simulator models; non-default ones appear only when selected.</summary>
    private static readonly ConditionalWeakTable<TenantState, RenderCache<UserRecord>> Caches = new();

    public static JsonObject Full(TenantState tenant, UserRecord user) =>
        Caches.GetValue(tenant, t => new RenderCache<UserRecord>(u => Render(t, u))).Get(user);

    private static JsonObject Render(TenantState tenant, UserRecord u)
    {
        var skus = u.LicenseSkuParts.Select(LicenceCatalog.Find).ToList();
        var synced = u.OnPremisesSyncEnabled == true;
        return new JsonObject
        {
            ["id"] = u.Id,
            ["businessPhones"] = new JsonArray(),
            ["displayName"] = u.DisplayName,
            ["givenName"] = u.GivenName,
            ["jobTitle"] = u.JobTitle,
            ["mail"] = u.Mail,
            ["mobilePhone"] = u.MobilePhone,
            ["otherMails"] = new JsonArray(),
            ["proxyAddresses"] = new JsonArray(),
            ["officeLocation"] = u.OfficeLocation,
            ["preferredLanguage"] = u.PreferredLanguage,
            ["surname"] = u.Surname,
            ["userPrincipalName"] = u.UserPrincipalName,
            ["accountEnabled"] = u.AccountEnabled,
            ["userType"] = u.UserType,
            ["createdDateTime"] = Json.Date(u.CreatedDateTime),
            ["creationType"] = u.CreationType,
            ["externalUserState"] = u.ExternalUserState,
            ["deletedDateTime"] = null,
            ["mailNickname"] = u.UserPrincipalName.Split('@')[0],
            ["usageLocation"] = u.LicenseSkuParts.Count > 0 ? tenant.Organization.CountryLetterCode ?? "US" : null,
            ["onPremisesSyncEnabled"] = u.OnPremisesSyncEnabled,
            ["onPremisesImmutableId"] = u.OnPremisesImmutableId,
            ["onPremisesSamAccountName"] = u.OnPremisesSamAccountName,
            ["onPremisesUserPrincipalName"] = synced ? u.UserPrincipalName : null,
            ["onPremisesDomainName"] = synced ? tenant.DefaultDomain : null,
            ["onPremisesLastSyncDateTime"] = synced ? Json.Date(tenant.Organization.OnPremisesLastSyncDateTime) : null,
            ["assignedLicenses"] = new JsonArray(skus.Select(s => (JsonNode)new JsonObject
            {
                ["disabledPlans"] = new JsonArray(),
                ["skuId"] = s.SkuId,
            }).ToArray()),
            ["assignedPlans"] = new JsonArray(skus.SelectMany(s => s.ServicePlans).DistinctBy(p => p.Id).Select(p => (JsonNode)new JsonObject
            {
                ["assignedDateTime"] = Json.Date(u.CreatedDateTime),
                ["capabilityStatus"] = "Enabled",
                ["service"] = p.Service,
                ["servicePlanId"] = p.Id,
            }).ToArray()),
        };
    }

    /// <summary>A user inside a directoryObject collection: typed, default properties unless $select asks for more.</summary>
    public static JsonObject AsDirectoryObject(TenantState tenant, UserRecord user, bool selecting)
    {
        var full = Full(tenant, user);
        var item = new JsonObject { ["@odata.type"] = Type };
        foreach (var (name, value) in full)
            if (selecting || DefaultProperties.Contains(name))
                item[name] = value?.DeepClone();
        return item;
    }
}
