namespace SsprTools.Engine.Model;

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

    public override string ToString() =>
        GroupName is null
            ? $"{RoleName} ({AssignmentType}, {Via})"
            : $"{RoleName} ({AssignmentType}, {Via}: {GroupName})";
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
