using SsprTools.GraphSimulator.Auth;
using SsprTools.GraphSimulator.OData;
using SsprTools.GraphSimulator.Pipeline;
using SsprTools.GraphSimulator.Tenant;

namespace SsprTools.GraphSimulator.Endpoints;

/// <summary>GET/PATCH /policies/authorizationPolicy (authorizationpolicy-get.md, authorizationpolicy-update.md).</summary>
internal static class AuthorizationPolicyEndpoints
{
    // Permissions: GET Policy.Read.All → Policy.ReadWrite.Authorization; PATCH Policy.ReadWrite.Authorization only.
    private static readonly Access Read = Access.Either(Permissions.PolicyReadAll, Permissions.PolicyReadWriteAuthorization);
    private static readonly Access Write = Access.Either(Permissions.PolicyReadWriteAuthorization);

    public static void Map(Router router)
    {
        router.Add("GET", "policies/authorizationPolicy", Read, Get);
        router.Add("PATCH", "policies/authorizationPolicy", Write, Patch);
        // Older beta form, still listed on the beta update page (graph-api.md §1.3).
        router.Add(new GraphRoute("GET", "policies/authorizationPolicy/authorizationPolicy", Read, Get, BetaOnly: true));
        router.Add(new GraphRoute("PATCH", "policies/authorizationPolicy/authorizationPolicy", Write, Patch, BetaOnly: true));
    }

    private static GraphResponse Get(GraphCall call)
    {
        var policy = AuthorizationPolicyShape.ForVersion(call.Tenant.AuthorizationPolicy.Read(), call.Request.Version);
        return GraphResponse.Ok(Representation.Entity(call, policy, "policies/authorizationPolicy", "authorizationPolicy"));
    }

    private static GraphResponse Patch(GraphCall call)
    {
        var changes = call.JsonBody();
        AuthorizationPolicyShape.Validate(changes, call.Request.Version);
        call.Tenant.AuthorizationPolicy.Apply(changes, TimeSpan.FromMilliseconds(call.Runtime.Faults.PatchVisibilityDelayMs));
        return GraphResponse.NoContent();
    }
}
