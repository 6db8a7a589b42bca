using System.Text.Json.Nodes;
using SsprTools.GraphSimulator.Tenant;

namespace SsprTools.GraphSimulator.Representations;

/// <summary>organization, subscribedSku and onPremisesDirectorySynchronization (organization-get.md, subscribedsku-list.md,
/// onpremisesdirectorysynchronization-get.md).</summary>
internal static class OrganizationJson
{
    /// <summary>Properties still populated when the caller only has User.Read (organization-get.md).</summary>
    public static readonly string[] UserReadProperties = ["id", "displayName", "verifiedDomains"];

    public static JsonObject Organization(TenantState tenant)
    {
        var org = tenant.Organization;
        return new JsonObject
        {
            ["id"] = org.Id ?? tenant.TenantId,
            ["deletedDateTime"] = null,
            ["businessPhones"] = new JsonArray(),
            ["city"] = null,
            ["country"] = null,
            ["countryLetterCode"] = org.CountryLetterCode,
            ["createdDateTime"] = Json.Date(org.CreatedDateTime),
            ["displayName"] = org.DisplayName,
            ["marketingNotificationEmails"] = new JsonArray(),
            ["onPremisesLastSyncDateTime"] = Json.Date(org.OnPremisesLastSyncDateTime),
            ["onPremisesSyncEnabled"] = org.OnPremisesSyncEnabled,
            ["preferredLanguage"] = "en",
            ["securityComplianceNotificationMails"] = new JsonArray(),
            ["securityComplianceNotificationPhones"] = new JsonArray(),
            ["technicalNotificationMails"] = new JsonArray(),
            ["tenantType"] = "AAD",
            ["assignedPlans"] = new JsonArray(tenant.Subscriptions.SelectMany(s => s.Sku.ServicePlans.Select(p => (p, s.Spec)))
                .DistinctBy(x => x.p.Id)
                .Select(x => (JsonNode)new JsonObject
                {
                    ["assignedDateTime"] = Json.Date(org.CreatedDateTime),
                    ["capabilityStatus"] = x.Spec.CapabilityStatus,
                    ["service"] = x.p.Service,
                    ["servicePlanId"] = x.p.Id,
                }).ToArray()),
            ["provisionedPlans"] = new JsonArray(),
            ["verifiedDomains"] = new JsonArray(org.VerifiedDomains.Select(d => (JsonNode)new JsonObject
            {
                ["capabilities"] = "Email, OfficeCommunicationsOnline",
                ["isDefault"] = d.IsDefault,
                ["isInitial"] = d.IsInitial,
                ["name"] = d.Name,
                ["type"] = d.Type,
            }).ToArray()),
        };
    }

    /// <summary>With User.Read only, other properties come back null (organization-get.md).</summary>
    public static JsonObject Limited(JsonObject full)
    {
        foreach (var name in full.Select(p => p.Key).Where(k => !UserReadProperties.Contains(k)).ToList())
            full[name] = null;
        return full;
    }

    public static JsonObject Sku(TenantState tenant, Sku sku, SubscriptionSpec spec)
    {
        var consumed = tenant.Users.Count(u => u.LicenseSkuParts.Contains(sku.SkuPartNumber, StringComparer.OrdinalIgnoreCase));
        return new JsonObject
        {
            ["accountName"] = tenant.Organization.DisplayName,
            ["accountId"] = tenant.TenantId,
            ["appliesTo"] = "User",
            ["capabilityStatus"] = spec.CapabilityStatus,
            ["consumedUnits"] = consumed,
            ["id"] = $"{tenant.TenantId}_{sku.SkuId}",
            ["prepaidUnits"] = new JsonObject { ["enabled"] = spec.PrepaidUnits, ["lockedOut"] = 0, ["suspended"] = 0, ["warning"] = 0 },
            ["servicePlans"] = ServicePlans(sku),
            ["skuId"] = sku.SkuId,
            ["skuPartNumber"] = sku.SkuPartNumber,
            ["subscriptionIds"] = Json.Strings([SubscriptionId(tenant, sku)]),
        };
    }

    /// <summary>servicePlanInfo items, as subscribedSku.servicePlans and companySubscription.serviceStatus list them.</summary>
    private static JsonArray ServicePlans(Sku sku) => new(sku.ServicePlans.Select(p => (JsonNode)new JsonObject
    {
        ["servicePlanId"] = p.Id,
        ["servicePlanName"] = p.Name,
        ["provisioningStatus"] = "Success",
        ["appliesTo"] = "User",
    }).ToArray());

    private static DateTimeOffset Started(TenantState tenant, SubscriptionSpec spec) =>
        spec.CreatedDateTime ?? tenant.Organization.CreatedDateTime ?? new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string SubscriptionId(TenantState tenant, Sku sku) => Ids.Derive(tenant.TenantId, "subscription", sku.SkuId);

    /// <summary>A companySubscription (resources/companysubscription.md): the commerce view of a SKU, with the trial flag.</summary>
    public static JsonObject CompanySubscription(TenantState tenant, Sku sku, SubscriptionSpec spec) => new()
    {
        ["id"] = SubscriptionId(tenant, sku),
        ["commerceSubscriptionId"] = Ids.Derive(tenant.TenantId, "commerce", sku.SkuId),
        ["createdDateTime"] = Json.Date(Started(tenant, spec)),
        ["isTrial"] = spec.IsTrial,
        ["nextLifecycleDateTime"] = Json.Date(Started(tenant, spec).AddYears(1)),
        ["ownerId"] = null,
        ["ownerTenantId"] = null,
        ["ownerType"] = null,
        ["serviceStatus"] = ServicePlans(sku),
        ["skuId"] = sku.SkuId,
        ["skuPartNumber"] = sku.SkuPartNumber,
        ["status"] = spec.CapabilityStatus,
        ["totalLicenses"] = spec.PrepaidUnits,
    };

    /// <summary>The tenant's sync object; features default to a fresh Entra Connect install, overridden by the scenario.</summary>
    public static JsonObject Synchronization(TenantState tenant, JsonObject overrides)
    {
        var features = new JsonObject();
        foreach (var name in SyncFeatureNames)
            features[name] = DefaultOnFeatures.Contains(name);
        foreach (var (name, value) in overrides)
            features[name] = value?.DeepClone();
        return new JsonObject
        {
            ["id"] = tenant.TenantId,
            ["configuration"] = new JsonObject
            {
                ["accidentalDeletionPrevention"] = new JsonObject { ["synchronizationPreventionType"] = "enabledForCount", ["alertThreshold"] = 500 },
            },
            ["features"] = features,
        };
    }

    private static readonly string[] DefaultOnFeatures =
        ["quarantineUponUpnConflictEnabled", "quarantineUponProxyAddressesConflictEnabled", "softMatchOnUpnEnabled", "synchronizeUpnForManagedUsersEnabled"];

    // onpremisesdirectorysynchronizationfeature.md
    private static readonly string[] SyncFeatureNames =
    [
        "blockCloudObjectTakeoverThroughHardMatchEnabled", "blockSoftMatchEnabled", "bypassDirSyncOverridesEnabled",
        "cloudPasswordPolicyForPasswordSyncedUsersEnabled", "concurrentCredentialUpdateEnabled", "concurrentOrgIdProvisioningEnabled",
        "deviceWritebackEnabled", "directoryExtensionsEnabled", "fopeConflictResolutionEnabled", "groupWriteBackEnabled",
        "passwordSyncEnabled", "passwordWritebackEnabled", "quarantineUponProxyAddressesConflictEnabled", "quarantineUponUpnConflictEnabled",
        "softMatchOnUpnEnabled", "synchronizeUpnForManagedUsersEnabled", "unifiedGroupWritebackEnabled", "userForcePasswordChangeOnLogonEnabled",
        "userWritebackEnabled",
    ];
}
