using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using SsprTools.GraphSimulator.Cli;

namespace SsprTools.GraphSimulator.Tests.Cli;

public sealed class CliTests
{
    [Fact]
    public void Parses_every_flag()
    {
        var command = CommandLine.Parse(["--scenario", "large", "--port", "5055", "--users", "200", "--admins", "20", "--latency-ms", "5",
            "--throttle-rate", "0.3", "--seed", "9", "--journal-file", "j.jsonl", "--ready-file", "r.json", "--omit-retry-after",
            "--server-error-rate", "0.1", "--drop-rate", "0.05", "--patch-delay-ms", "100", "--retry-after", "4"]);
        var o = command.Options;
        Assert.Equal(("large", 5055, 200, 20, 9, "j.jsonl"), (o.Scenario, o.Port, o.Users!.Value, o.Admins!.Value, o.Seed, o.JournalFile));
        Assert.Equal((5, 0.3, 9, true, 0.1, 0.05, 100, 4), (o.Faults.LatencyMs, o.Faults.ThrottleRate, o.Faults.Seed, o.Faults.OmitRetryAfter,
            o.Faults.ServerErrorRate, o.Faults.DropRate, o.Faults.PatchVisibilityDelayMs, o.Faults.RetryAfterSeconds));
        Assert.Equal("r.json", command.ReadyFile);
    }

    [Fact]
    public void Parses_the_audit_event_count() =>
        Assert.Equal(20_000, CommandLine.Parse(["--scenario", "large", "--audit-events", "20000"]).Options.AuditEvents);

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--port")]
    [InlineData("--throttle-rate", "2")]
    public void Rejects_bad_arguments(params string[] args) =>
        Assert.ThrowsAny<ArgumentException>(() => CommandLine.Parse(args));

    [Fact]
    public async Task Process_writes_the_ready_file_serves_graph_and_stops_on_sigterm()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "SsprTools.GraphSimulator.dll");
        var ready = Path.Combine(Path.GetTempPath(), $"sim-ready-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "--scenario", "seed", "--port", "0", "--ready-file", ready })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!File.Exists(ready) && DateTime.UtcNow < deadline && !process.HasExited)
                await Task.Delay(100);
            // Read stderr only on failure: ReadToEndAsync waits for the process to exit.
            if (!File.Exists(ready))
                Assert.Fail("ready file not written: " + await process.StandardError.ReadToEndAsync());
            var info = JsonNode.Parse(File.ReadAllText(ready))!;
            Assert.Equal(process.Id, info["pid"]!.GetValue<int>());
            Assert.Equal(Seed.TenantId, info["tenantId"]!.GetValue<string>());

            using var http = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, info["baseUrl"]!.GetValue<string>() + "/v1.0/policies/authorizationPolicy");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", info["token"]!.GetValue<string>());
            using var response = await http.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode);

            Assert.StartsWith($"Graph simulator: tenant {Seed.TenantId} on http://127.0.0.1:", await process.StandardOutput.ReadLineAsync());
            Assert.StartsWith("Token: ey", await process.StandardOutput.ReadLineAsync());

            using (var term = Process.Start("kill", ["-s", "TERM", process.Id.ToString()]))
                await term.WaitForExitAsync();
            using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await process.WaitForExitAsync(exited.Token);
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
                process.Kill();
            File.Delete(ready);
        }
    }
}

public sealed class ClientCredentialsTests
{
    private const string ClientId = "5e1f0000-0000-4000-8000-00000000c11e"; // seed scenario's app registration

    private static Task<HttpResponseMessage> RequestAsync(SimulatorTestHost sim, string tenant, string secret) =>
        sim.Http.PostAsync($"/{tenant}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = ClientId,
            ["client_secret"] = secret,
            ["scope"] = "https://graph.microsoft.com/.default",
        }));

    [Fact]
    public async Task Client_credentials_grant_issues_an_app_only_graph_token()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        using var response = await RequestAsync(sim, Seed.TenantId, "simulator-secret");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Bearer", body["token_type"]!.GetValue<string>());
        Assert.True(body["expires_in"]!.GetValue<long>() > 0);
        using var write = await sim.PatchJsonAsync("/v1.0/policies/authorizationPolicy", """{"allowedToUseSSPR":true}""", body["access_token"]!.GetValue<string>());
        Assert.Equal(System.Net.HttpStatusCode.NoContent, write.StatusCode);
    }

    [Theory]
    [InlineData(Seed.TenantId, "wrong", "invalid_client")]
    [InlineData("00000000-0000-0000-0000-000000000000", "simulator-secret", "invalid_request")]
    public async Task Bad_secret_or_tenant_is_an_oauth_error(string tenant, string secret, string error)
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        using var response = await RequestAsync(sim, tenant, secret);
        Assert.False(response.IsSuccessStatusCode);
        Assert.Equal(error, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
    }
}
