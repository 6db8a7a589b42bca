using System.Text.Json.Nodes;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SsprTools.GraphSimulator.Auth;
using SsprTools.GraphSimulator.Faults;

namespace SsprTools.GraphSimulator.Admin;

/// <summary>
/// The simulator's own control API under /_simulator/ (no auth: Kestrel listens on loopback only).
/// Not journaled, not subject to faults.
/// </summary>
internal static class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SimulatorRuntime runtime)
    {
        var admin = app.MapGroup("/_simulator");
        admin.MapGet("/journal", () => Results.Json(new
        {
            count = runtime.Journal.Count,
            writes = runtime.Journal.Writes,
            entries = runtime.Journal.Entries,
        }, SimulatorJson.Options));
        admin.MapDelete("/journal", () =>
        {
            runtime.Journal.Clear();
            return Results.NoContent();
        });
        admin.MapPost("/tokens", (TokenRequest? body) => IssueToken(runtime, body ?? new TokenRequest()));
        admin.MapGet("/faults", () => Results.Json(runtime.Faults, SimulatorJson.Options));
        admin.MapPut("/faults", (FaultSettings settings) =>
        {
            runtime.Faults.CopyFrom(settings);
            return Results.Json(runtime.Faults, SimulatorJson.Options);
        });
        admin.MapGet("/tenant", () => Results.Json(new
        {
            tenantId = runtime.Tenant.TenantId,
            scenario = runtime.Tenant.ScenarioName,
            authorizationPolicy = runtime.Tenant.AuthorizationPolicy.ReadLatest(),
            users = runtime.Tenant.Users.Count,
        }, SimulatorJson.Options));
        ManagedIdentityEndpoint.Map(admin, runtime);
    }

    private static IResult IssueToken(SimulatorRuntime runtime, TokenRequest request)
    {
        TimeSpan? lifetime = request.LifetimeSeconds is { } s ? TimeSpan.FromSeconds(s) : null;
        var token = runtime.IssueToken(request.Roles is null ? request.Scopes : null, request.Roles, lifetime);
        return Results.Json(new { access_token = token, expires_on = TokenService.ExpiresOn(token) });
    }

    private sealed record TokenRequest(string[]? Scopes = null, string[]? Roles = null, int? LifetimeSeconds = null);
}
