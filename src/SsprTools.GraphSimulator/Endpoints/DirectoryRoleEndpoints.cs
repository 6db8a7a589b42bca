using SsprTools.GraphSimulator.OData;
using SsprTools.GraphSimulator.Pipeline;
using SsprTools.GraphSimulator.Representations;
using SsprTools.GraphSimulator.Tenant;

namespace SsprTools.GraphSimulator.Endpoints;

/// <summary>
/// Legacy /directoryRoles: activated roles only; addressable by object id or by template id
/// (directoryRoles(roleTemplateId='…'), older form directoryRoles/roleTemplateId=…). No paging (paging.md).
/// </summary>
internal static class DirectoryRoleEndpoints
{
    private const string TemplateKey = "roleTemplateId=";

    private static readonly CollectionSpec Roles = new("directoryRoles", "directoryRole")
    {
        Pageable = false,
        Count = CountRule.NotSupported,
        Filter = new FilterRules("DirectoryRole", new() { ["roleTemplateId"] = FilterOps.Eq, ["displayName"] = FilterOps.Eq, ["id"] = FilterOps.Eq }),
    };

    private static readonly CollectionSpec Members = new("directoryObjects", "directoryObject")
    {
        Pageable = false,
        Polymorphic = true,
        Count = CountRule.NotSupported,
    };

    public static void Map(Router router)
    {
        router.Add("GET", "directoryRoles", DirectoryAccess.DirectoryRoles,
            c => ODataCollection.Respond(c, Roles, c.Tenant.Directory.ActivatedRoles, DirectoryRoleJson.Full));
        router.Add("GET", "directoryRoles/{id}", DirectoryAccess.DirectoryRoles,
            c => GraphResponse.Ok(Representation.Entity(c, DirectoryRoleJson.Full(Find(c)), "directoryRoles", "directoryRole")));
        router.Add("GET", "directoryRoles/{id}/members", DirectoryAccess.DirectoryRoles, ListMembers);
    }

    private static GraphResponse ListMembers(GraphCall call)
    {
        var role = Find(call);
        return ODataCollection.Respond(call, Members, call.Tenant.Directory.RoleMemberIds(role.RoleTemplateId),
            id => DirectoryObjectJson.Render(call.Tenant, id, call.Selecting));
    }

    private static DirectoryRoleRecord Find(GraphCall call)
    {
        var key = call["id"];
        var role = key.StartsWith(TemplateKey, StringComparison.OrdinalIgnoreCase)
            ? call.Tenant.Directory.RoleByTemplate(key[TemplateKey.Length..])
            : call.Tenant.Directory.RoleById(key);
        return role ?? throw GraphError.NotFound(key);
    }
}
