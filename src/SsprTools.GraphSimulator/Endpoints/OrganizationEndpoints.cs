using System.Text.Json.Nodes;
using SsprTools.GraphSimulator.Auth;
using SsprTools.GraphSimulator.OData;
using SsprTools.GraphSimulator.Pipeline;
using SsprTools.GraphSimulator.Representations;

namespace SsprTools.GraphSimulator.Endpoints;

/// <summary>/organization, /subscribedSkus and /directory/onPremisesSynchronization.</summary>
internal static class OrganizationEndpoints
{
    private static readonly CollectionSpec Organizations = new("organization", "organization") { Pageable = false, Count = CountRule.NotSupported };
    // subscribedsku-list.md: only $select is supported.
    private static readonly CollectionSpec Skus = new("subscribedSkus", "subscribedSku") { Pageable = false, Count = CountRule.NotSupported };
    private static readonly CollectionSpec CompanySubscriptions = new("directory/subscriptions", "companySubscription") { Pageable = false, Count = CountRule.NotSupported };
    private static readonly CollectionSpec Sync = new("directory/onPremisesSynchronization", "onPremisesDirectorySynchronization") { Pageable = false, Count = CountRule.NotSupported };

    public static void Map(Router router)
    {
        router.Add("GET", "organization", DirectoryAccess.Organization, c => ODataCollection.Respond(c, Organizations, [c.Tenant], _ => Organization(c)));
        router.Add("GET", "organization/{id}", DirectoryAccess.Organization, c =>
            GraphResponse.Ok(Representation.Entity(c, OrganizationWithId(c), "organization", "organization")));

        router.Add("GET", "subscribedSkus", DirectoryAccess.SubscribedSkus, c =>
            ODataCollection.Respond(c, Skus, c.Tenant.Subscriptions, s => OrganizationJson.Sku(c.Tenant, s.Sku, s.Spec)));
        router.Add("GET", "subscribedSkus/{id}", DirectoryAccess.SubscribedSkus, c =>
        {
            var match = c.Tenant.Subscriptions.FirstOrDefault(s => $"{c.Tenant.TenantId}_{s.Sku.SkuId}".Equals(c["id"], StringComparison.OrdinalIgnoreCase));
            if (match.Sku is null)
                throw GraphError.NotFound(c["id"]);
            return GraphResponse.Ok(Representation.Entity(c, OrganizationJson.Sku(c.Tenant, match.Sku, match.Spec), "subscribedSkus", "subscribedSku"));
        });

        router.Add("GET", "directory/subscriptions", DirectoryAccess.CompanySubscriptions, c =>
            ODataCollection.Respond(c, CompanySubscriptions, c.Tenant.Subscriptions, s => OrganizationJson.CompanySubscription(c.Tenant, s.Sku, s.Spec)));
        router.Add("GET", "directory/subscriptions/{id}", DirectoryAccess.CompanySubscriptions, c =>
        {
            var match = c.Tenant.Subscriptions.FirstOrDefault(s => OrganizationJson.SubscriptionId(c.Tenant, s.Sku).Equals(c["id"], StringComparison.OrdinalIgnoreCase));
            if (match.Sku is null)
                throw GraphError.NotFound(c["id"]);
            return GraphResponse.Ok(Representation.Entity(c, OrganizationJson.CompanySubscription(c.Tenant, match.Sku, match.Spec), "directory/subscriptions", "companySubscription"));
        });

        router.Add("GET", "directory/onPremisesSynchronization", DirectoryAccess.OnPremisesSynchronization, c =>
            ODataCollection.Respond(c, Sync, SyncObjects(c), o => o));
        router.Add("GET", "directory/onPremisesSynchronization/{id}", DirectoryAccess.OnPremisesSynchronization, c =>
            GraphResponse.Ok(Representation.Entity(c,
                SyncObjects(c).FirstOrDefault(o => o["id"]!.GetValue<string>().Equals(c["id"], StringComparison.OrdinalIgnoreCase)) ?? throw GraphError.NotFound(c["id"]),
                "directory/onPremisesSynchronization", "onPremisesDirectorySynchronization")));
    }

    private static JsonObject Organization(GraphCall call)
    {
        var full = OrganizationJson.Organization(call.Tenant);
        var onlyUserRead = !call.Caller.IsAppOnly && call.Caller.Scopes.All(s => s.Equals(Permissions.UserRead, StringComparison.OrdinalIgnoreCase) || !DirectoryAccess.Organization.Delegated.Contains(s));
        return onlyUserRead ? OrganizationJson.Limited(full) : full;
    }

    private static JsonObject OrganizationWithId(GraphCall call)
    {
        var org = Organization(call);
        return org["id"]!.GetValue<string>().Equals(call["id"], StringComparison.OrdinalIgnoreCase) ? org : throw GraphError.NotFound(call["id"]);
    }

    private static IEnumerable<JsonObject> SyncObjects(GraphCall call) =>
        call.Tenant.OnPremisesSyncFeatures is { } features ? [OrganizationJson.Synchronization(call.Tenant, features)] : [];
}
