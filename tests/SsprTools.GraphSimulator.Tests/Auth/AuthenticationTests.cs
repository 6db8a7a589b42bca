using System.Net;

namespace SsprTools.GraphSimulator.Tests.Auth;

public sealed class AuthenticationTests
{
    private const string PolicyPath = "/v1.0/policies/authorizationPolicy";

    [Fact]
    public async Task No_token_is_401_with_a_bearer_challenge()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        using var response = await sim.GetAsync(PolicyPath, token: "");
        var body = await GraphAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "InvalidAuthenticationToken");
        Assert.Equal("Access token is empty.", body["error"]!["message"]!.GetValue<string>());
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Expired_token_is_401_lifetime_validation_failed()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        var expired = sim.Host.IssueToken(lifetime: TimeSpan.FromMinutes(-5));
        using var response = await sim.GetAsync(PolicyPath, expired);
        var body = await GraphAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "InvalidAuthenticationToken");
        Assert.Contains("Lifetime validation failed", body["error"]!["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJ4In0.c2lnbmF0dXJl")]
    public async Task Malformed_or_forged_token_is_401(string token)
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        using var response = await sim.GetAsync(PolicyPath, token);
        await GraphAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "InvalidAuthenticationToken");
    }

    [Fact]
    public async Task A_token_from_another_simulator_run_is_rejected()
    {
        await using var first = await SimulatorTestHost.StartAsync();
        await using var second = await SimulatorTestHost.StartAsync();
        using var response = await second.GetAsync(PolicyPath, first.Host.DefaultToken);
        await GraphAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "InvalidAuthenticationToken");
    }

    [Fact]
    public async Task Token_without_the_permission_is_403()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        using var read = await sim.GetAsync(PolicyPath, sim.Host.IssueToken(scopes: ["User.Read"]));
        var body = await GraphAssert.ErrorAsync(read, HttpStatusCode.Forbidden, "Authorization_RequestDenied");
        Assert.Equal("Insufficient privileges to complete the operation.", body["error"]!["message"]!.GetValue<string>());

        using var write = await sim.PatchJsonAsync(PolicyPath, """{"allowedToUseSSPR":true}""", sim.Host.IssueToken(scopes: ["Policy.Read.All"]));
        await GraphAssert.ErrorAsync(write, HttpStatusCode.Forbidden, "Authorization_RequestDenied");
    }

    [Fact]
    public async Task Delegated_scopes_and_application_roles_both_grant_access()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        using var delegated = await sim.GetAsync(PolicyPath, sim.Host.IssueToken(scopes: ["Policy.Read.All"]));
        Assert.Equal(HttpStatusCode.OK, delegated.StatusCode);
        using var appOnly = await sim.PatchJsonAsync(PolicyPath, """{"allowedToUseSSPR":true}""", sim.Host.IssueToken(roles: ["Policy.ReadWrite.Authorization"]));
        Assert.Equal(HttpStatusCode.NoContent, appOnly.StatusCode);
        // A scope name in 'roles' is still checked against the app-only permission list.
        using var wrongKind = await sim.GetAsync(PolicyPath, sim.Host.IssueToken(roles: ["User.Read"]));
        Assert.Equal(HttpStatusCode.Forbidden, wrongKind.StatusCode);
    }

    [Fact]
    public async Task Client_request_id_is_echoed_in_header_and_error_body()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        var headers = new Dictionary<string, string> { ["client-request-id"] = "5a9b8c7d-0000-4000-8000-000000000001" };
        using var ok = await sim.GetAsync(PolicyPath, headers: headers);
        Assert.Equal("5a9b8c7d-0000-4000-8000-000000000001", ok.Headers.GetValues("client-request-id").Single());
        using var denied = await sim.GetAsync(PolicyPath, token: "", headers: headers);
        var body = await GraphAssert.ErrorAsync(denied, HttpStatusCode.Unauthorized, "InvalidAuthenticationToken");
        Assert.Equal("5a9b8c7d-0000-4000-8000-000000000001", body["error"]!["innerError"]!["client-request-id"]!.GetValue<string>());
    }
}
