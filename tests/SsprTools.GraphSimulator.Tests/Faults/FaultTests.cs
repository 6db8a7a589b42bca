using System.Net;

namespace SsprTools.GraphSimulator.Tests.Faults;

public sealed class FaultTests
{
    private static async Task<List<int>> StatusesAsync(int seed, int requests)
    {
        await using var sim = await SimulatorTestHost.StartAsync(configure: o =>
        {
            o.Faults.Seed = seed;
            o.Faults.ThrottleRate = 0.3;
            o.Faults.ServerErrorRate = 0.2;
        });
        var statuses = new List<int>();
        for (var i = 0; i < requests; i++)
        {
            using var response = await sim.GetAsync("/v1.0/organization");
            statuses.Add((int)response.StatusCode);
        }
        return statuses;
    }

    [Fact]
    public async Task Faults_are_reproducible_for_a_seed()
    {
        var first = await StatusesAsync(seed: 7, requests: 40);
        var second = await StatusesAsync(seed: 7, requests: 40);
        Assert.Equal(first, second);
        Assert.Contains(429, first);
        Assert.Contains(200, first);
        Assert.Contains(first, s => s is 503 or 504);
        Assert.NotEqual(first, await StatusesAsync(seed: 8, requests: 40));
    }

    [Fact]
    public async Task Throttling_can_omit_retry_after()
    {
        await using var sim = await SimulatorTestHost.StartAsync(configure: o => { o.Faults.ThrottleRate = 1; o.Faults.OmitRetryAfter = true; });
        using var response = await sim.GetAsync("/v1.0/organization");
        await GraphAssert.ErrorAsync(response, HttpStatusCode.TooManyRequests, "TooManyRequests");
        Assert.False(response.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task Dropped_connections_fail_at_the_transport_and_are_journaled()
    {
        await using var sim = await SimulatorTestHost.StartAsync(configure: o => o.Faults.DropRate = 1);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => sim.GetAsync("/v1.0/organization"));
        Assert.Equal(0, sim.Host.Journal.Entries.Single().Status);
    }

    [Fact]
    public async Task Latency_delays_graph_requests_on_the_simulators_clock()
    {
        var clock = new ReportingClock();
        await using var sim = await SimulatorTestHost.StartAsync(configure: o => { o.Faults.LatencyMs = 150; o.Clock = clock; });
        var request = sim.GetAsync("/v1.0/organization");

        Assert.Equal(TimeSpan.FromMilliseconds(150), await clock.NextTimerAsync());
        clock.Advance(TimeSpan.FromMilliseconds(149));
        Assert.False(request.IsCompleted);
        Assert.Empty(sim.Host.Journal.Entries);
        clock.Advance(TimeSpan.FromMilliseconds(1));

        using var response = await request;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Scenario_faults_apply_unless_options_set_their_own()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sim-faults-{Guid.NewGuid():N}.json");
        var scenario = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Scenarios", "seed.json")))!;
        scenario["faults"] = new System.Text.Json.Nodes.JsonObject { ["throttleRate"] = 1.0 };
        File.WriteAllText(file, scenario.ToJsonString());
        try
        {
            await using (var sim = await SimulatorTestHost.StartAsync(file))
            {
                using var response = await sim.GetAsync("/v1.0/organization");
                Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            }
            await using (var sim = await SimulatorTestHost.StartAsync(file, o => o.Faults.LatencyMs = 1))
            {
                using var response = await sim.GetAsync("/v1.0/organization");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
