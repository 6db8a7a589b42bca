using System.Net;
using System.Text.Json.Nodes;

namespace SsprTools.GraphSimulator.Tests.Endpoints;

public sealed class BatchTests
{
    private static async Task<(HttpStatusCode Status, JsonObject Body)> BatchAsync(SimulatorTestHost sim, object requests, string version = "v1.0")
    {
        var json = new JsonObject { ["requests"] = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(requests)) }.ToJsonString();
        using var response = await sim.PostJsonAsync($"/{version}/$batch", json);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    private static JsonObject Step(JsonObject body, string id) =>
        body["responses"]!.AsArray().Single(r => r!["id"]!.GetValue<string>() == id)!.AsObject();

    [Fact]
    public async Task Batch_answers_each_step_with_status_headers_and_body()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        var (status, body) = await BatchAsync(sim, new object[]
        {
            new { id = "1", method = "GET", url = "/policies/authorizationPolicy" },
            new { id = "2", method = "GET", url = $"users/{Seed.GlobalAdmin}?$select=id,onPremisesSyncEnabled" },
            new { id = "3", method = "GET", url = "/users/nobody@contoso.com" },
            new { id = "4", method = "PATCH", url = "/policies/authorizationPolicy", headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" }, body = new { allowedToUseSSPR = true } },
        });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(4, body["responses"]!.AsArray().Count);
        Assert.Equal(200, Step(body, "1")["status"]!.GetValue<int>());
        Assert.Equal("authorizationPolicy", Step(body, "1")["body"]!["id"]!.GetValue<string>());
        Assert.StartsWith("application/json", Step(body, "1")["headers"]!["Content-Type"]!.GetValue<string>());
        Assert.True(Step(body, "2")["body"]!["onPremisesSyncEnabled"]!.GetValue<bool>());
        Assert.Equal(404, Step(body, "3")["status"]!.GetValue<int>());
        Assert.Equal("Request_ResourceNotFound", Step(body, "3")["body"]!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(204, Step(body, "4")["status"]!.GetValue<int>());
        Assert.Null(Step(body, "4")["body"]);

        var steps = sim.Host.Journal.Entries.Where(e => e.InBatch).ToList();
        Assert.Equal(4, steps.Count);
        Assert.All(steps, s => Assert.NotNull(s.BatchId));
        Assert.Equal(1, sim.Host.Journal.Writes); // the PATCH step; the envelope is not a write
        Assert.True(steps.Single(s => s.Method == "PATCH").Body!["allowedToUseSSPR"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Beta_batch_resolves_urls_against_the_beta_root()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        var (_, body) = await BatchAsync(sim, new[] { new { id = "a", method = "GET", url = "policies/authorizationPolicy/authorizationPolicy" } }, "beta");
        Assert.Equal(200, Step(body, "a")["status"]!.GetValue<int>());
        Assert.Contains("/beta/$metadata#", Step(body, "a")["body"]!["@odata.context"]!.GetValue<string>());
    }

    [Fact]
    public async Task Failed_dependency_is_424()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        var (_, body) = await BatchAsync(sim, new object[]
        {
            new { id = "1", method = "GET", url = "/users/nobody@contoso.com" },
            new { id = "2", method = "GET", url = "/organization", dependsOn = new[] { "1" } },
            new { id = "3", method = "GET", url = "/organization", dependsOn = new[] { "2" } },
        });
        Assert.Equal(424, Step(body, "2")["status"]!.GetValue<int>());
        Assert.Equal(424, Step(body, "3")["status"]!.GetValue<int>());
        Assert.Single(sim.Host.Journal.Entries, e => e.InBatch); // dependents never ran
    }

    [Fact]
    public async Task More_than_20_requests_or_duplicate_ids_reject_the_whole_batch()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        var tooMany = Enumerable.Range(1, 21).Select(i => new { id = i.ToString(), method = "GET", url = "/organization" }).ToArray();
        var (status, body) = await BatchAsync(sim, tooMany);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(body["error"]);

        var duplicates = new[] { new { id = "x", method = "GET", url = "/organization" }, new { id = "X", method = "GET", url = "/organization" } };
        (status, _) = await BatchAsync(sim, duplicates);
        Assert.Equal(HttpStatusCode.BadRequest, status);

        var twenty = Enumerable.Range(1, 20).Select(i => new { id = i.ToString(), method = "GET", url = "/organization" }).ToArray();
        (status, body) = await BatchAsync(sim, twenty);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(20, body["responses"]!.AsArray().Count);
    }

    [Fact]
    public async Task Throttled_steps_carry_their_own_retry_after()
    {
        await using var sim = await SimulatorTestHost.StartAsync(configure: o => { o.Faults.ThrottleRate = 1; o.Faults.RetryAfterSeconds = 3; });
        var (status, body) = await BatchAsync(sim, new[] { new { id = "1", method = "GET", url = "/organization" } });
        Assert.Equal(HttpStatusCode.OK, status); // the envelope itself is not throttled
        var step = Step(body, "1");
        Assert.Equal(429, step["status"]!.GetValue<int>());
        Assert.Equal("3", step["headers"]!["Retry-After"]!.GetValue<string>());
    }

    [Fact]
    public async Task Steps_are_authorized_one_by_one()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        var json = """{"requests":[{"id":"1","method":"GET","url":"/organization"},{"id":"2","method":"GET","url":"/policies/authorizationPolicy"}]}""";
        using var response = await sim.PostJsonAsync("/v1.0/$batch", json, sim.Host.IssueToken(scopes: ["Policy.Read.All"]));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(403, Step(body, "1")["status"]!.GetValue<int>());
        Assert.Equal(200, Step(body, "2")["status"]!.GetValue<int>());
        using var anonymous = await sim.PostJsonAsync("/v1.0/$batch", json, token: "");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
