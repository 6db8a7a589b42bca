namespace SsprTools.Model;

/// <summary>One directory role a user holds: which role, whether active or only PIM-eligible, and whether directly or
/// through a role-assignable group. Used both as a fact (what Graph returned) and in <see cref="SsprAdmin"/> output.</summary>
public sealed class AdminRoleHolding
{
    public string RoleName { get; init; } = "";

    /// <summary>Role template id (= roleDefinitionId for built-in roles); empty when Graph gave none.</summary>
    public string RoleTemplateId { get; init; } = "";

    /// <summary><see cref="RoleAssignmentType.Active"/> or <see cref="RoleAssignmentType.Eligible"/>.</summary>
    public string AssignmentType { get; init; } = RoleAssignmentType.Active;

    /// <summary><see cref="RoleAssignmentVia.Direct"/> or <see cref="RoleAssignmentVia.Group"/>.</summary>
    public string Via { get; init; } = RoleAssignmentVia.Direct;

    /// <summary>The role-assignable group's display name when <see cref="Via"/> is Group.</summary>
    public string? GroupName { get; init; }

    /// <summary>unifiedRoleAssignment.directoryScopeId: "/" for the whole tenant, "/administrativeUnits/{id}" for an
    /// administrative unit (rbacapplication-list-roleassignments.md).</summary>
    public string DirectoryScopeId { get; init; } = RoleScope.Tenant;

    /// <summary>unifiedRoleDefinition.isBuiltIn: false for a custom role; null when the definition could not be read.</summary>
    public bool? IsBuiltIn { get; init; }

    public override string ToString()
    {
        var via = GroupName is null ? Via : $"{Via}: {GroupName}";
        return DirectoryScopeId == RoleScope.Tenant
            ? $"{RoleName} ({AssignmentType}, {via})"
            : $"{RoleName} ({AssignmentType}, {via}, scope {DirectoryScopeId})";
    }
}

/// <summary>Values of <see cref="AdminRoleHolding.AssignmentType"/>.</summary>
public static class RoleAssignmentType
{
    public const string Active = "Active";
    public const string Eligible = "Eligible";
}

/// <summary>Values of <see cref="AdminRoleHolding.Via"/>.</summary>
public static class RoleAssignmentVia
{
    public const string Direct = "Direct";
    public const string Group = "Group";
}

/// <summary>Values of <see cref="AdminRoleHolding.DirectoryScopeId"/>.</summary>
public static class RoleScope
{
    /// <summary>The whole tenant.</summary>
    public const string Tenant = "/";

    /// <summary>Prefix of a scope that is one administrative unit.</summary>
    public const string AdministrativeUnitPrefix = "/administrativeUnits/";
}
