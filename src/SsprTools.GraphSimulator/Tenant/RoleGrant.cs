namespace SsprTools.GraphSimulator.Tenant;

internal enum GrantKind
{
    /// <summary>Permanent active assignment (roleAssignments; schedule instance assignmentType "Assigned").</summary>
    Active,
    /// <summary>PIM-eligible, not activated (only in roleEligibility*).</summary>
    Eligible,
    /// <summary>PIM-eligible and currently activated (eligible plus an "Activated" assignment instance).</summary>
    Activated,
}

/// <summary>A directory role given to a user or group, at tenant scope ("/") or for an administrative unit.
/// RoleTemplateId is the role definition id (a custom role's own id when <see cref="IsCustomRole"/>).</summary>
internal sealed record RoleGrant(string RoleTemplateId, string PrincipalId, bool PrincipalIsGroup, GrantKind Kind, DateTimeOffset Start,
    string DirectoryScopeId = "/", bool IsCustomRole = false)
{
    public bool IsActive => Kind is GrantKind.Active or GrantKind.Activated;
    public bool IsEligible => Kind is GrantKind.Eligible or GrantKind.Activated;

    /// <summary>Tenant-wide and built-in: only such grants make directoryRole memberships (directoryrole-list-members.md).</summary>
    public bool IsTenantWideBuiltIn => DirectoryScopeId == "/" && !IsCustomRole;

    public string AssignmentId => Ids.RoleAssignment(RoleTemplateId, PrincipalId, ScopeSuffix("-1"));
    public string EligibilityInstanceId => Ids.RoleAssignment(RoleTemplateId, PrincipalId, ScopeSuffix("-1-e"));
    public string ScheduleId => DirectoryScopeId == "/"
        ? Ids.Derive("eligibilitySchedule", RoleTemplateId, PrincipalId)
        : Ids.Derive("eligibilitySchedule", RoleTemplateId, PrincipalId, DirectoryScopeId);

    // The same role and principal at another scope is another assignment, so it needs another id.
    private string ScopeSuffix(string suffix) => DirectoryScopeId == "/" ? suffix : suffix + "-" + Ids.Derive(DirectoryScopeId)[..8];
}
