using SsprTools.GraphSimulator.Pipeline;

namespace SsprTools.GraphSimulator.Endpoints;

/// <summary>Every simulated Graph endpoint; anything else answers 501.</summary>
internal static class GraphRoutes
{
    public static Router Build()
    {
        var router = new Router();
        AuthorizationPolicyEndpoints.Map(router);
        UserEndpoints.Map(router);
        MembershipEndpoints.Map(router);
        AuthenticationMethodEndpoints.Map(router);
        GroupEndpoints.Map(router);
        DirectoryRoleEndpoints.Map(router);
        RoleManagementEndpoints.Map(router);
        PimEndpoints.Map(router);
        ReportEndpoints.Map(router);
        AuditLogEndpoints.Map(router);
        OrganizationEndpoints.Map(router);
        BatchEndpoint.Map(router);
        return router;
    }
}
