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

/// <summary>A directory role given to a user or group at tenant scope ("/").</summary>
internal sealed record RoleGrant(string RoleTemplateId, string PrincipalId, bool PrincipalIsGroup, GrantKind Kind, DateTimeOffset Start)
{
    public bool IsActive => Kind is GrantKind.Active or GrantKind.Activated;
    public bool IsEligible => Kind is GrantKind.Eligible or GrantKind.Activated;

    public string AssignmentId => Ids.RoleAssignment(RoleTemplateId, PrincipalId);
    public string EligibilityInstanceId => Ids.RoleAssignment(RoleTemplateId, PrincipalId, "-1-e");
    public string ScheduleId => Ids.Derive("eligibilitySchedule", RoleTemplateId, PrincipalId);
}
