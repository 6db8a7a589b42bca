using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SsprTools.GraphSimulator.Tests.Admin;

public sealed class AdminApiTests
{
    [Fact]
    public async Task Tokens_endpoint_issues_delegated_and_app_only_tokens()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        var delegated = await IssueAsync(sim, """{"scopes":["Policy.Read.All"]}""");
        using var read = await sim.GetAsync("/v1.0/policies/authorizationPolicy", delegated["access_token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.True(delegated["expires_on"]!.GetValue<long>() > DateTimeOffset.UtcNow.ToUnixTimeSeconds());

        var app = await IssueAsync(sim, """{"roles":["Policy.ReadWrite.Authorization"]}""");
        using var write = await sim.PatchJsonAsync("/v1.0/policies/authorizationPolicy", """{"allowedToUseSSPR":true}""", app["access_token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, write.StatusCode);

        var expired = await IssueAsync(sim, """{"scopes":["Policy.Read.All"],"lifetimeSeconds":-60}""");
        using var late = await sim.GetAsync("/v1.0/policies/authorizationPolicy", expired["access_token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, late.StatusCode);
    }

    [Fact]
    public async Task Tokens_carry_the_documented_claims()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        var parts = sim.Host.IssueToken(scopes: ["Policy.Read.All", "User.Read.All"]).Split('.');
        Assert.Equal(3, parts.Length);
        var header = Decode(parts[0]);
        Assert.Equal("HS256", header["alg"]!.GetValue<string>());
        var payload = Decode(parts[1]);
        Assert.Equal("https://graph.microsoft.com", payload["aud"]!.GetValue<string>());
        Assert.Equal($"https://sts.windows.net/{sim.Host.TenantId}/", payload["iss"]!.GetValue<string>());
        Assert.Equal(sim.Host.TenantId, payload["tid"]!.GetValue<string>());
        Assert.Equal("Policy.Read.All User.Read.All", payload["scp"]!.GetValue<string>());
        Assert.Equal("grace.admin@contoso.com", payload["upn"]!.GetValue<string>());
        foreach (var claim in new[] { "oid", "iat", "nbf", "exp", "name" })
            Assert.True(payload.ContainsKey(claim), claim);

        var app = Decode(sim.Host.IssueToken(roles: ["Policy.Read.All"]).Split('.')[1]);
        Assert.Equal("Policy.Read.All", app["roles"]![0]!.GetValue<string>());
        Assert.False(app.ContainsKey("scp"));
        Assert.True(app.ContainsKey("appid"));
    }

    [Fact]
    public async Task Faults_can_be_read_and_replaced_at_run_time()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        var current = JsonNode.Parse(await sim.Http.GetStringAsync("/_simulator/faults"))!;
        Assert.Equal(0, current["throttleRate"]!.GetValue<double>());

        using var put = await sim.Http.PutAsJsonAsync("/_simulator/faults", new { throttleRate = 1.0, retryAfterSeconds = 7 });
        Assert.True(put.IsSuccessStatusCode);
        Assert.Equal(1.0, sim.Host.Faults.ThrottleRate);

        using var throttled = await sim.GetAsync("/v1.0/policies/authorizationPolicy");
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal("7", throttled.Headers.GetValues("Retry-After").Single());
    }

    private static async Task<JsonObject> IssueAsync(SimulatorTestHost sim, string json)
    {
        using var response = await sim.Http.PostAsync("/_simulator/tokens", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static JsonObject Decode(string segment)
    {
        var padded = segment.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        return JsonNode.Parse(Convert.FromBase64String(padded))!.AsObject();
    }
}
