using System.Net;
using System.Text.Json.Nodes;

namespace SsprTools.GraphSimulator.Tests.Endpoints;

public sealed class AuthorizationPolicyTests
{
    private const string PolicyPath = "/v1.0/policies/authorizationPolicy";

    [Fact]
    public async Task Get_matches_the_documented_shape()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        using var response = await sim.GetAsync(PolicyPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var contentType = response.Content.Headers.ContentType!;
        Assert.Equal("application/json", contentType.MediaType);
        Assert.Contains(contentType.Parameters, p => p.Name == "odata.metadata" && p.Value == "minimal");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        GraphAssert.HasShape(body, DocumentedExamples.Parse(DocumentedExamples.AuthorizationPolicy));
        Assert.Equal($"{sim.Host.BaseUrl.ToString().TrimEnd('/')}/v1.0/$metadata#policies/authorizationPolicy/$entity", body["@odata.context"]!.GetValue<string>());
        Assert.Equal("authorizationPolicy", body["id"]!.GetValue<string>());
        Assert.False(body["allowedToUseSSPR"]!.GetValue<bool>()); // the seed tenant has the switch off
        Assert.False(body.ContainsKey("enabledPreviewFeatures")); // beta-only property
    }

    [Theory]
    [InlineData("/beta/policies/authorizationPolicy")]
    [InlineData("/beta/policies/authorizationPolicy/authorizationPolicy")]
    public async Task Beta_paths_return_the_policy_with_beta_properties(string path)
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        var body = await sim.GetJsonAsync(path);
        Assert.Contains("/beta/$metadata#policies/authorizationPolicy/$entity", body["@odata.context"]!.GetValue<string>());
        Assert.True(body.ContainsKey("permissionGrantPolicyIdsAssignedToDefaultUserRole"));
    }

    [Fact]
    public async Task Patch_answers_204_without_body_and_the_next_get_shows_the_value()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        using var patch = await sim.PatchJsonAsync(PolicyPath, """{"allowedToUseSSPR": true}""");
        Assert.Equal(HttpStatusCode.NoContent, patch.StatusCode);
        Assert.Empty(await patch.Content.ReadAsByteArrayAsync());

        var body = await sim.GetJsonAsync(PolicyPath);
        Assert.True(body["allowedToUseSSPR"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Patch_merges_defaultUserRolePermissions_partially()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        using var patch = await sim.PatchJsonAsync(PolicyPath, """{"defaultUserRolePermissions": {"allowedToCreateApps": false}}""");
        Assert.Equal(HttpStatusCode.NoContent, patch.StatusCode);
        var permissions = (await sim.GetJsonAsync(PolicyPath))["defaultUserRolePermissions"]!;
        Assert.False(permissions["allowedToCreateApps"]!.GetValue<bool>());
        Assert.True(permissions["allowedToReadOtherUsers"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("""{"allowedToUseSsprTypo": true}""")]
    [InlineData("""{"id": "other"}""")]
    [InlineData("""{"enabledPreviewFeatures": []}""")] // beta-only property on v1.0
    [InlineData("""{"allowedToUseSSPR": "yes"}""")]
    [InlineData("""{"allowInvitesFrom": "anyone"}""")]
    [InlineData("""{"allowedToUseSSPR": true""")] // malformed JSON
    [InlineData("""[true]""")]
    public async Task Patch_rejects_what_graph_rejects(string body)
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        using var response = await sim.PatchJsonAsync(PolicyPath, body);
        await GraphAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "Request_BadRequest");
        Assert.False((await sim.GetJsonAsync(PolicyPath))["allowedToUseSSPR"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Patch_needs_a_json_content_type()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        using var response = await sim.SendAsync(HttpMethod.Patch, PolicyPath, new StringContent("""{"allowedToUseSSPR":true}""", System.Text.Encoding.UTF8, "text/plain"));
        await GraphAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "Request_BadRequest");
    }

    [Fact]
    public async Task Patch_stays_invisible_for_the_configured_replication_delay()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        await using var sim = await SimulatorTestHost.StartAsync(configure: o => { o.Faults.PatchVisibilityDelayMs = 400; o.Clock = clock; });
        using var patch = await sim.PatchJsonAsync(PolicyPath, """{"allowedToUseSSPR": true}""");
        Assert.Equal(HttpStatusCode.NoContent, patch.StatusCode);
        Assert.False((await sim.GetJsonAsync(PolicyPath))["allowedToUseSSPR"]!.GetValue<bool>());
        clock.Advance(TimeSpan.FromMilliseconds(399));
        Assert.False((await sim.GetJsonAsync(PolicyPath))["allowedToUseSSPR"]!.GetValue<bool>());
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True((await sim.GetJsonAsync(PolicyPath))["allowedToUseSSPR"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Tokens_expire_on_the_simulators_clock()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        await using var sim = await SimulatorTestHost.StartAsync(configure: o => o.Clock = clock);
        var token = sim.Host.IssueToken(lifetime: TimeSpan.FromMinutes(10));
        using (var fresh = await sim.GetAsync(PolicyPath, token))
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);

        clock.Advance(TimeSpan.FromMinutes(10));

        using var expired = await sim.GetAsync(PolicyPath, token);
        await GraphAssert.ErrorAsync(expired, HttpStatusCode.Unauthorized, "InvalidAuthenticationToken");
    }

    [Fact]
    public async Task An_error_is_dated_on_the_simulators_clock()
    {
        // innerError.date (errors.md, "Error resource type") comes from the same clock as token lifetimes and the lag.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2031, 3, 1, 8, 0, 0, TimeSpan.Zero));
        await using var sim = await SimulatorTestHost.StartAsync(configure: o => o.Clock = clock);
        clock.Advance(TimeSpan.FromMinutes(90));

        using var response = await sim.GetAsync(PolicyPath, sim.Host.IssueToken(lifetime: TimeSpan.FromMinutes(-1)));

        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("2031-03-01T09:30:00", body["error"]!["innerError"]!["date"]!.GetValue<string>());
    }

    [Fact]
    public async Task Select_projects_and_names_the_properties_in_the_context()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        var body = await sim.GetJsonAsync(PolicyPath + "?$select=allowedToUseSSPR");
        Assert.EndsWith("#policies/authorizationPolicy(allowedToUseSSPR)/$entity", body["@odata.context"]!.GetValue<string>());
        Assert.Equal(["@odata.context", "allowedToUseSSPR"], body.Select(p => p.Key));
    }
}
