using System.Text.Json.Nodes;
using SsprTools.GraphSimulator.OData;
using SsprTools.GraphSimulator.Pipeline;
using SsprTools.GraphSimulator.Representations;
using SsprTools.GraphSimulator.Tenant;

namespace SsprTools.GraphSimulator.Endpoints;

/// <summary>
/// /users/{id}/memberOf and /transitiveMemberOf, with the OData casts to directoryRole and group in both the documented
/// (microsoft.graph.x) and the Kiota SDK (graph.x) spelling (user-list-transitivememberof.md; graph-api.md §2.4).
/// </summary>
internal static class MembershipEndpoints
{
    private const string RoleCast = "microsoft.graph.directoryRole|graph.directoryRole";
    private const string GroupCast = "microsoft.graph.group|graph.group";

    // Filters on memberships are advanced queries; default page 100, max 999.
    private static readonly FilterRules MembershipFilter = new("DirectoryObject", new()
    {
        ["id"] = FilterOps.Basic,
        ["displayName"] = FilterOps.Basic | FilterOps.StartsWith,
        ["roleTemplateId"] = FilterOps.Basic,
        ["isAssignableToRole"] = FilterOps.Eq,
        ["securityEnabled"] = FilterOps.Eq,
    });

    private static CollectionSpec Spec(string entitySet) => new(entitySet, "directoryObject")
    {
        Polymorphic = true,
        Filter = MembershipFilter,
        FilterNeedsEventual = true,
        OrderBy = ["displayName"],
    };

    private static readonly CollectionSpec AnyObject = Spec("directoryObjects");
    private static readonly CollectionSpec RolesOnly = Spec("directoryRoles");
    private static readonly CollectionSpec GroupsOnly = Spec("groups");

    public static void Map(Router router)
    {
        foreach (var (segment, transitive) in new[] { ("memberOf", false), ("transitiveMemberOf", true) })
        {
            var access = DirectoryAccess.Memberships;
            router.Add("GET", $"users/{{id}}/{segment}", access, c => Respond(c, AnyObject, Memberships(c, transitive, roles: true, groups: true)));
            router.Add("GET", $"users/{{id}}/{segment}/$count", access, c => CountSegment.Respond(c, Memberships(c, transitive, true, true).Count));
            router.Add("GET", $"users/{{id}}/{segment}/{RoleCast}", access, c => Respond(c, RolesOnly, Memberships(c, transitive, roles: true, groups: false)));
            router.Add("GET", $"users/{{id}}/{segment}/{RoleCast}/$count", access, c => CountSegment.Respond(c, Memberships(c, transitive, true, false).Count));
            router.Add("GET", $"users/{{id}}/{segment}/{GroupCast}", access, c => Respond(c, GroupsOnly, Memberships(c, transitive, roles: false, groups: true)));
            router.Add("GET", $"users/{{id}}/{segment}/{GroupCast}/$count", access, c => CountSegment.Respond(c, Memberships(c, transitive, false, true).Count));
        }
    }

    /// <summary>Groups, then activated directory roles (PIM-eligible roles are not memberships).</summary>
    private static List<string> Memberships(GraphCall call, bool transitive, bool roles, bool groups)
    {
        var user = call.User();
        var directory = call.Tenant.Directory;
        var ids = new List<string>();
        if (groups)
            ids.AddRange((transitive ? directory.TransitiveGroups(user.Id) : directory.DirectGroups(user.Id)).Select(g => g.Id));
        if (roles)
            ids.AddRange((transitive ? directory.TransitiveRoles(user.Id) : directory.DirectRoles(user.Id)).Select(r => r.Id));
        return ids;
    }

    private static GraphResponse Respond(GraphCall call, CollectionSpec spec, List<string> ids) =>
        ODataCollection.Respond(call, spec, ids, id => DirectoryObjectJson.Render(call.Tenant, id, call.Selecting));
}
