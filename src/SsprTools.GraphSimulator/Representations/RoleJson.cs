using System.Text.Json.Nodes;
using SsprTools.GraphSimulator.Tenant;

namespace SsprTools.GraphSimulator.Representations;

/// <summary>unifiedRoleDefinition and unifiedRoleAssignment (api-reference/v1.0/resources/unifiedrole*.md).</summary>
internal static class RoleJson
{
    private static readonly RenderCache<BuiltInRole> Definitions = new(r => new JsonObject
    {
        ["id"] = r.TemplateId, // built-in roles: id == templateId
        ["description"] = r.Description,
        ["displayName"] = r.DisplayName,
        ["isBuiltIn"] = true,
        ["isEnabled"] = true,
        ["resourceScopes"] = Json.Strings(["/"]),
        ["templateId"] = r.TemplateId,
        ["version"] = "1",
        ["rolePermissions"] = new JsonArray(new JsonObject
        {
            ["allowedResourceActions"] = Json.Strings(ResourceActions(r)),
            ["condition"] = null,
        }),
        ["inheritsPermissionsFrom"] = new JsonArray(),
    });

    private static readonly RenderCache<RoleGrant> Assignments = new(g => new JsonObject
    {
        ["id"] = g.AssignmentId,
        ["principalId"] = g.PrincipalId,
        ["resourceScope"] = g.DirectoryScopeId,
        ["directoryScopeId"] = g.DirectoryScopeId,
        ["appScopeId"] = null,
        ["condition"] = null,
        ["roleDefinitionId"] = g.RoleTemplateId,
    });

    private static readonly RenderCache<CustomRole> CustomDefinitions = new(r => new JsonObject
    {
        ["id"] = r.Id,
        ["description"] = r.Description,
        ["displayName"] = r.DisplayName,
        ["isBuiltIn"] = false, // custom-create.md: custom roles are "isBuiltIn": false
        ["isEnabled"] = true,
        ["resourceScopes"] = Json.Strings(["/"]),
        ["templateId"] = r.Id,
        ["version"] = "1",
        ["rolePermissions"] = new JsonArray(new JsonObject
        {
            ["allowedResourceActions"] = Json.Strings(["microsoft.directory/users/standard/read"]),
            ["condition"] = null,
        }),
        ["inheritsPermissionsFrom"] = new JsonArray(),
    });

    public static JsonObject Definition(BuiltInRole role) => Definitions.Get(role);

    public static JsonObject Definition(CustomRole role) => CustomDefinitions.Get(role);

    /// <summary>The definition a grant refers to: a built-in role, or one of the tenant's custom roles.</summary>
    public static JsonObject DefinitionOf(TenantState tenant, string roleDefinitionId) =>
        RoleCatalog.All.FirstOrDefault(r => r.TemplateId.Equals(roleDefinitionId, StringComparison.OrdinalIgnoreCase)) is { } builtIn
            ? Definition(builtIn)
            : Definition(tenant.CustomRoles.First(c => c.Id.Equals(roleDefinitionId, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Every definition of the tenant: built-in roles, then custom ones.</summary>
    public static IEnumerable<JsonObject> AllDefinitions(TenantState tenant) =>
        RoleCatalog.All.Select(Definition).Concat(tenant.CustomRoles.Select(Definition));

    /// <summary>An active assignment at tenant scope (rbacapplication-list-roleassignments.md example 2).</summary>
    public static JsonObject Assignment(RoleGrant grant) => Assignments.Get(grant);

    // A token action per role; enough for clients that only display or count them.
    private static IEnumerable<string> ResourceActions(BuiltInRole role) => role.TemplateId == RoleCatalog.GlobalAdministrator
        ? ["microsoft.directory/users/password/update", "microsoft.directory/roleAssignments/allProperties/allTasks"]
        : ["microsoft.directory/users/standard/read"];
}
