using System.Text.Json.Nodes;
using SsprTools.GraphSimulator.OData;
using SsprTools.GraphSimulator.Pipeline;
using SsprTools.GraphSimulator.Representations;
using SsprTools.GraphSimulator.Tenant;

namespace SsprTools.GraphSimulator.Endpoints;

/// <summary>/roleManagement/directory: role definitions and active assignments (rbacapplication-list-roledefinitions.md,
/// rbacapplication-list-roleassignments.md).</summary>
internal static class RoleManagementEndpoints
{
    private const string Root = "roleManagement/directory";

    // Definitions: all built-in roles in one page; $filter eq/in on id, displayName, isBuiltIn (graph-api.md §2.2).
    private static readonly CollectionSpec Definitions = new($"{Root}/roleDefinitions", "unifiedRoleDefinition")
    {
        Pageable = false,
        Count = CountRule.Supported,
        Filter = new FilterRules("UnifiedRoleDefinition", new()
        {
            ["id"] = FilterOps.Basic,
            ["displayName"] = FilterOps.Basic,
            ["isBuiltIn"] = FilterOps.Eq,
            ["templateId"] = FilterOps.Eq,
        }),
    };

    // Assignments: the docs show $filter with eq on principalId and roleDefinitionId; page size is undocumented (we use 100/999).
    private static readonly CollectionSpec Assignments = new($"{Root}/roleAssignments", "unifiedRoleAssignment")
    {
        Count = CountRule.Supported,
        Expand = ["roleDefinition", "principal"],
        Filter = new FilterRules("UnifiedRoleAssignment", new()
        {
            ["id"] = FilterOps.Eq,
            ["principalId"] = FilterOps.Eq,
            ["roleDefinitionId"] = FilterOps.Eq,
            ["directoryScopeId"] = FilterOps.Eq,
            ["appScopeId"] = FilterOps.Eq,
        }),
    };

    public static void Map(Router router)
    {
        var access = DirectoryAccess.RoleManagement;
        router.Add("GET", $"{Root}/roleDefinitions", access, c => ODataCollection.Respond(c, Definitions, RoleJson.AllDefinitions(c.Tenant), d => d));
        router.Add("GET", $"{Root}/roleDefinitions/{{id}}", access, c => GraphResponse.Ok(
            Representation.Entity(c, FindDefinition(c.Tenant, c["id"]), $"{Root}/roleDefinitions", "unifiedRoleDefinition")));
        router.Add("GET", $"{Root}/roleAssignments", access, c => ODataCollection.Respond(c, Assignments, ActiveGrants(c.Tenant), g => Expand(c, g)));
        router.Add("GET", $"{Root}/roleAssignments/{{id}}", access, c => GraphResponse.Ok(
            Representation.Entity(c, Expand(c, FindAssignment(c.Tenant, c["id"])), $"{Root}/roleAssignments", "unifiedRoleAssignment")));
    }

    // Definitions are addressed by id (== template id for built-in roles), not by display name.
    private static JsonObject FindDefinition(TenantState tenant, string id) =>
        RoleJson.AllDefinitions(tenant).FirstOrDefault(d => string.Equals((string?)d["id"], id, StringComparison.OrdinalIgnoreCase)) ?? throw GraphError.NotFound(id);

    private static RoleGrant FindAssignment(TenantState tenant, string id) =>
        ActiveGrants(tenant).FirstOrDefault(g => g.AssignmentId == id) ?? throw GraphError.NotFound(id);

    /// <summary>Only active assignments appear here; PIM eligibility has its own APIs (graph-api.md §2.1).</summary>
    private static IEnumerable<RoleGrant> ActiveGrants(TenantState tenant) => tenant.Grants.Where(g => g.IsActive);

    private static JsonObject Expand(GraphCall call, RoleGrant grant) =>
        ExpandNavigation(call, RoleJson.Assignment(grant), grant, grant.PrincipalId);

    /// <summary>$expand of roleDefinition and principal, shared by role assignments and the PIM schedule collections.</summary>
    internal static JsonObject ExpandNavigation(GraphCall call, JsonObject rendered, RoleGrant grant, string principalId)
    {
        var expand = call.Query.Expand;
        if (expand.Count == 0)
            return rendered;
        var item = (JsonObject)rendered.DeepClone();
        if (expand.Any(e => e.StartsWith("roleDefinition", StringComparison.OrdinalIgnoreCase)))
            item["roleDefinition"] = RoleJson.DefinitionOf(call.Tenant, grant.RoleTemplateId).DeepClone();
        if (expand.Any(e => e.StartsWith("principal", StringComparison.OrdinalIgnoreCase)))
            item["principal"] = DirectoryObjectJson.Render(call.Tenant, principalId, selecting: true);
        return item;
    }
}
