using System.Globalization;
using System.Text.Json.Nodes;
using SsprTools.GraphSimulator.OData;
using SsprTools.GraphSimulator.Pipeline;
using SsprTools.GraphSimulator.Representations;

namespace SsprTools.GraphSimulator.Endpoints;

/// <summary>/users, /users/{id | userPrincipalName} (user-list.md, user-get.md).</summary>
internal static class UserEndpoints
{
    // user-list.md: default page 100, $top up to 999; eq/in/startsWith are basic filters, the rest are advanced queries.
    private static readonly CollectionSpec Users = new("users", "user")
    {
        DefaultSelect = UserJson.DefaultProperties,
        OrderBy = ["displayName", "userPrincipalName"],
        Filter = new FilterRules("User", new()
        {
            ["id"] = FilterOps.Basic,
            ["userPrincipalName"] = FilterOps.Basic | FilterOps.StartsWith | FilterOps.Advanced,
            ["onPremisesImmutableId"] = FilterOps.Basic,
            ["displayName"] = FilterOps.Basic | FilterOps.StartsWith | FilterOps.Advanced,
            ["mail"] = FilterOps.Basic | FilterOps.StartsWith | FilterOps.Advanced,
            ["givenName"] = FilterOps.Basic | FilterOps.StartsWith,
            ["surname"] = FilterOps.Basic | FilterOps.StartsWith,
            ["accountEnabled"] = FilterOps.Basic | FilterOps.Advanced,
            ["userType"] = FilterOps.Basic | FilterOps.Advanced,
            ["onPremisesSyncEnabled"] = FilterOps.Basic | FilterOps.Advanced,
        }),
    };

    public static void Map(Router router)
    {
        router.Add("GET", "users", DirectoryAccess.Users, List);
        router.Add("GET", "users/$count", DirectoryAccess.Users, Count);
        router.Add("GET", "users/{id}", DirectoryAccess.Users, Get);
    }

    private static GraphResponse List(GraphCall call) =>
        ODataCollection.Respond(call, Users, call.Tenant.Users, u => UserJson.Full(call.Tenant, u));

    private static GraphResponse Get(GraphCall call) =>
        GraphResponse.Ok(Representation.Entity(call, UserJson.Full(call.Tenant, call.User()), "users", "user", UserJson.DefaultProperties));

    private static GraphResponse Count(GraphCall call) => CountSegment.Respond(call, call.Tenant.Users.Count);
}

/// <summary>The /$count path segment: a text/plain integer, only with ConsistencyLevel: eventual (aad-advanced-queries.md).</summary>
internal static class CountSegment
{
    public static GraphResponse Respond(GraphCall call, int count)
    {
        if (!call.Query.Eventual)
            throw GraphError.BadRequest("Count is not currently supported: send the ConsistencyLevel: eventual header.");
        return GraphResponse.PlainText(count.ToString(CultureInfo.InvariantCulture));
    }
}
