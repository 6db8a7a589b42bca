using System.Text.Json.Nodes;
using SsprTools.GraphSimulator.Tenant;

namespace SsprTools.GraphSimulator.Representations;

/// <summary>
/// PIM schedules and instances (rbacapplication-list-roleeligibilityschedules.md, -roleeligibilityscheduleinstances.md,
/// -roleassignmentscheduleinstances.md). Permanent grants have null end times; activations last eight hours.
/// </summary>
internal static class PimJson
{
    private static readonly TimeSpan ActivationAge = TimeSpan.FromHours(1);
    private static readonly TimeSpan ActivationLength = TimeSpan.FromHours(8);

    public static JsonObject EligibilitySchedule(RoleGrant g) => new()
    {
        ["id"] = g.ScheduleId,
        ["principalId"] = g.PrincipalId,
        ["roleDefinitionId"] = g.RoleTemplateId,
        ["directoryScopeId"] = g.DirectoryScopeId,
        ["appScopeId"] = null,
        ["createdUsing"] = g.ScheduleId,
        ["createdDateTime"] = Json.Date(g.Start),
        ["modifiedDateTime"] = null,
        ["status"] = "Provisioned",
        ["memberType"] = "Direct",
        ["scheduleInfo"] = new JsonObject
        {
            ["startDateTime"] = Json.Date(g.Start),
            ["recurrence"] = null,
            ["expiration"] = new JsonObject { ["type"] = "noExpiration", ["endDateTime"] = null, ["duration"] = null },
        },
    };

    public static JsonObject EligibilityInstance(RoleGrant g, string principalId, string memberType) => new()
    {
        ["id"] = memberType == "Direct" ? g.EligibilityInstanceId : Ids.RoleAssignment(g.RoleTemplateId, principalId, "-1-e"),
        ["principalId"] = principalId,
        ["roleDefinitionId"] = g.RoleTemplateId,
        ["directoryScopeId"] = g.DirectoryScopeId,
        ["appScopeId"] = null,
        ["startDateTime"] = Json.Date(g.Start),
        ["endDateTime"] = null,
        ["memberType"] = memberType,
        ["roleEligibilityScheduleId"] = g.ScheduleId,
    };

    /// <summary>Active assignments: "Assigned" for permanent ones (also those made through roleAssignments), "Activated" for PIM activations.</summary>
    public static JsonObject AssignmentInstance(RoleGrant g, string principalId, string memberType, DateTimeOffset now)
    {
        var activated = g.Kind == GrantKind.Activated;
        var id = memberType == "Direct" ? g.AssignmentId : Ids.RoleAssignment(g.RoleTemplateId, principalId);
        return new JsonObject
        {
            ["id"] = id,
            ["principalId"] = principalId,
            ["roleDefinitionId"] = g.RoleTemplateId,
            ["directoryScopeId"] = g.DirectoryScopeId,
            ["appScopeId"] = null,
            ["startDateTime"] = activated ? Json.Date(now - ActivationAge) : null,
            ["endDateTime"] = activated ? Json.Date(now - ActivationAge + ActivationLength) : null,
            ["assignmentType"] = activated ? "Activated" : "Assigned",
            ["memberType"] = memberType,
            ["roleAssignmentOriginId"] = g.AssignmentId,
            ["roleAssignmentScheduleId"] = activated ? Ids.Derive("assignmentSchedule", g.RoleTemplateId, g.PrincipalId) : g.AssignmentId,
        };
    }
}
