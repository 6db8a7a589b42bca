using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SsprTools.GraphSimulator.Auth;

/// <summary>
/// App Service style managed identity endpoint (IDENTITY_ENDPOINT + IDENTITY_HEADER; overview-managed-identity.md):
/// GET ?resource=…&amp;api-version=2019-08-01 with X-IDENTITY-HEADER, optional client_id | principal_id | object_id | mi_res_id.
/// </summary>
internal static class ManagedIdentityEndpoint
{
    public const string RelativePath = "/_simulator/msi/token";

    public static void Map(RouteGroupBuilder admin, SimulatorRuntime runtime) =>
        admin.MapGet("/msi/token", (HttpRequest request) => Issue(request, runtime));

    private static IResult Issue(HttpRequest request, SimulatorRuntime runtime)
    {
        if (request.Headers["X-IDENTITY-HEADER"].ToString() != runtime.IdentityHeader)
            return Error(401, "invalid_request", "The X-IDENTITY-HEADER header is missing or does not match IDENTITY_HEADER.");
        if (request.Query["api-version"].ToString() != "2019-08-01")
            return Error(400, "invalid_request", "api-version must be 2019-08-01.");
        var resource = request.Query["resource"].ToString();
        if (!IsGraph(resource))
            return Error(400, "invalid_resource", $"AADSTS500011: The resource principal named '{resource}' was not found; the simulator only issues tokens for {TokenService.GraphAudience}.");

        var identity = Find(runtime, request.Query);
        if (identity is null)
            return Error(400, "invalid_request", "No managed identity matches the given client_id, principal_id or mi_res_id.");
        var token = runtime.Tokens.IssueAppOnly(identity.Value.Roles, identity.Value.ClientId, identity.Value.PrincipalId);
        return Results.Json(new Dictionary<string, string>
        {
            ["access_token"] = token,
            ["expires_on"] = TokenService.ExpiresOn(token).ToString(CultureInfo.InvariantCulture),
            ["resource"] = resource,
            ["token_type"] = "Bearer",
            ["client_id"] = identity.Value.ClientId,
        });
    }

    private static (string ClientId, string PrincipalId, IReadOnlyList<string> Roles)? Find(SimulatorRuntime runtime, IQueryCollection query)
    {
        var spec = runtime.Tenant.ManagedIdentity;
        var clientId = query["client_id"].ToString();
        var principalId = query["principal_id"].ToString() is { Length: > 0 } p ? p : query["object_id"].ToString();
        var resourceId = query["mi_res_id"].ToString();
        if (clientId.Length == 0 && principalId.Length == 0 && resourceId.Length == 0)
            return (ManagedIdentityIds.ClientId(runtime.Tenant), ManagedIdentityIds.PrincipalId(runtime.Tenant), spec.Roles);
        var match = spec.UserAssigned.FirstOrDefault(u =>
            (clientId.Length > 0 && u.ClientId.Equals(clientId, StringComparison.OrdinalIgnoreCase)) ||
            (principalId.Length > 0 && string.Equals(u.PrincipalId, principalId, StringComparison.OrdinalIgnoreCase)) ||
            (resourceId.Length > 0 && string.Equals(u.ResourceId, resourceId, StringComparison.OrdinalIgnoreCase)));
        return match is null ? null : (match.ClientId, match.PrincipalId ?? Tenant.Ids.Derive(runtime.Tenant.TenantId, "userAssigned", match.ClientId), match.Roles);
    }

    private static bool IsGraph(string resource)
    {
        var r = resource.Trim().TrimEnd('/');
        if (r.EndsWith("/.default", StringComparison.OrdinalIgnoreCase))
            r = r[..^"/.default".Length];
        return r.Equals(TokenService.GraphAudience, StringComparison.OrdinalIgnoreCase) || r == "00000003-0000-0000-c000-000000000000";
    }

    private static IResult Error(int status, string error, string description) =>
        Results.Json(new Dictionary<string, string> { ["error"] = error, ["error_description"] = description }, statusCode: status);
}
