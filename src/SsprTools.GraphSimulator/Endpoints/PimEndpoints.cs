using SsprTools.GraphSimulator.OData;
using SsprTools.GraphSimulator.Pipeline;
using SsprTools.GraphSimulator.Representations;
using SsprTools.GraphSimulator.Tenant;

namespace SsprTools.GraphSimulator.Endpoints;

/// <summary>
/// PIM schedules for directory roles (rbacapplication-list-roleeligibilityschedules.md, -roleeligibilityscheduleinstances.md,
/// -roleassignmentscheduleinstances.md). Tenants without Entra ID P2 get 400 AadPremiumLicenseRequired (observed, graph-api.md §2.6).
/// </summary>
internal static class PimEndpoints
{
    private const string Root = "roleManagement/directory";

    private static CollectionSpec Spec(string set, string type) => new($"{Root}/{set}", type)
    {
        Count = CountRule.Supported,
        // "This method supports the $select, $filter, and $expand OData query parameters" (list pages); the
        // navigation properties are principal, roleDefinition, directoryScope and appScope.
        Expand = ["principal", "roleDefinition"],
        Filter = new FilterRules(type, new()
        {
            ["principalId"] = FilterOps.Eq,
            ["roleDefinitionId"] = FilterOps.Eq,
            ["directoryScopeId"] = FilterOps.Eq,
            ["memberType"] = FilterOps.Eq,
            ["assignmentType"] = FilterOps.Eq,
        }),
    };

    private static readonly CollectionSpec EligibilitySchedules = Spec("roleEligibilitySchedules", "unifiedRoleEligibilitySchedule");
    private static readonly CollectionSpec EligibilityInstances = Spec("roleEligibilityScheduleInstances", "unifiedRoleEligibilityScheduleInstance");
    private static readonly CollectionSpec AssignmentInstances = Spec("roleAssignmentScheduleInstances", "unifiedRoleAssignmentScheduleInstance");

    public static void Map(Router router)
    {
        router.Add("GET", $"{Root}/roleEligibilitySchedules", DirectoryAccess.Eligibility,
            c => ODataCollection.Respond(c, EligibilitySchedules, Eligible(c.Tenant), g => Expand(c, PimJson.EligibilitySchedule(g), g, g.PrincipalId)));
        router.Add("GET", $"{Root}/roleEligibilityScheduleInstances", DirectoryAccess.Eligibility,
            c => ODataCollection.Respond(c, EligibilityInstances, c.Tenant.Directory.WithInherited(Eligible(c.Tenant)),
                x => Expand(c, PimJson.EligibilityInstance(x.Grant, x.PrincipalId, x.MemberType), x.Grant, x.PrincipalId)));
        router.Add("GET", $"{Root}/roleAssignmentScheduleInstances", DirectoryAccess.AssignmentSchedules,
            c => ODataCollection.Respond(c, AssignmentInstances, c.Tenant.Directory.WithInherited(c.Tenant.Grants.Where(g => g.IsActive)),
                x => Expand(c, PimJson.AssignmentInstance(x.Grant, x.PrincipalId, x.MemberType, c.Runtime.Clock.GetUtcNow()), x.Grant, x.PrincipalId)));
    }

    private static IEnumerable<RoleGrant> Eligible(TenantState tenant) => tenant.Grants.Where(g => g.IsEligible);

    private static System.Text.Json.Nodes.JsonObject Expand(GraphCall call, System.Text.Json.Nodes.JsonObject item, RoleGrant grant, string principalId) =>
        RoleManagementEndpoints.ExpandNavigation(call, item, grant, principalId);
}
