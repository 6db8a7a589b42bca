using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SsprTools.GraphSimulator.Tenant;

namespace SsprTools.GraphSimulator.Auth;

/// <summary>
/// The Microsoft identity platform's client-credentials grant, POST /{tenant}/oauth2/v2.0/token with a form body
/// (v2-oauth2-client-creds-grant-flow.md), for the scenario's app registrations. Errors use the OAuth error shape.
/// </summary>
internal static class ClientCredentialsEndpoint
{
    public static void Map(IEndpointRouteBuilder app, SimulatorRuntime runtime) =>
        app.MapPost("/{tenant}/oauth2/v2.0/token", (string tenant, HttpRequest request) => IssueAsync(tenant, request, runtime));

    private static async Task<IResult> IssueAsync(string tenant, HttpRequest request, SimulatorRuntime runtime)
    {
        var state = runtime.Tenant;
        if (!tenant.Equals(state.TenantId, StringComparison.OrdinalIgnoreCase) && !state.Organization.VerifiedDomains.Any(d => d.Name.Equals(tenant, StringComparison.OrdinalIgnoreCase)))
            return Error(runtime, 400, "invalid_request", $"AADSTS90002: Tenant '{tenant}' not found.");
        if (!request.HasFormContentType)
            return Error(runtime, 400, "invalid_request", "AADSTS900144: The request body must contain the following parameter: 'grant_type'.");
        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "client_credentials")
            return Error(runtime, 400, "unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type; only client_credentials is simulated.");
        var scope = form["scope"].ToString();
        if (!scope.Equals(TokenService.GraphAudience + "/.default", StringComparison.OrdinalIgnoreCase))
            return Error(runtime, 400, "invalid_scope", $"AADSTS1002012: The provided value for scope '{scope}' is not valid. Client credential flows must use {TokenService.GraphAudience}/.default.");
        var app = state.Applications.FirstOrDefault(a => a.ClientId.Equals(form["client_id"].ToString(), StringComparison.OrdinalIgnoreCase));
        if (app is null)
            return Error(runtime, 400, "unauthorized_client", $"AADSTS700016: Application with identifier '{form["client_id"]}' was not found in the directory.");
        if (app.ClientSecret != form["client_secret"].ToString())
            return Error(runtime, 401, "invalid_client", "AADSTS7000215: Invalid client secret provided.");

        var token = runtime.Tokens.IssueAppOnly(app.Roles, app.ClientId, Ids.Derive(state.TenantId, "servicePrincipal", app.ClientId));
        var expiresIn = runtime.Tokens.SecondsLeft(token);
        return Results.Json(new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = expiresIn,
            ["ext_expires_in"] = expiresIn,
            ["access_token"] = token,
        });
    }

    private static IResult Error(SimulatorRuntime runtime, int status, string error, string description) =>
        Results.Json(new Dictionary<string, object>
        {
            ["error"] = error,
            ["error_description"] = description,
            ["timestamp"] = runtime.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ssZ", CultureInfo.InvariantCulture),
            ["trace_id"] = Guid.NewGuid().ToString(),
            ["correlation_id"] = Guid.NewGuid().ToString(),
        }, statusCode: status);
}
