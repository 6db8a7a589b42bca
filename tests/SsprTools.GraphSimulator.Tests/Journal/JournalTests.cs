using System.Net;
using System.Text.Json.Nodes;

namespace SsprTools.GraphSimulator.Tests.Journal;

public sealed class JournalTests
{
    [Fact]
    public async Task Journal_records_the_patch_body_and_counts_writes()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        await sim.GetJsonAsync("/v1.0/policies/authorizationPolicy");
        using var _ = await sim.PatchJsonAsync("/v1.0/policies/authorizationPolicy", """{"allowedToUseSSPR": true}""");

        var journal = sim.Host.Journal;
        Assert.Equal(2, journal.Count);
        Assert.Equal(1, journal.Writes);
        var patch = journal.Entries.Single(e => e.Method == "PATCH");
        Assert.Equal("/v1.0/policies/authorizationPolicy", patch.Path);
        Assert.Equal(204, patch.Status);
        Assert.False(patch.InBatch);
        Assert.True(patch.Body!["allowedToUseSSPR"]!.GetValue<bool>());
        Assert.Null(journal.Entries.Single(e => e.Method == "GET").Body);
    }

    [Fact]
    public async Task Admin_api_shows_and_clears_the_journal_without_journaling_itself()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        using var _ = await sim.PatchJsonAsync("/v1.0/policies/authorizationPolicy?x=1", """{"allowedToUseSSPR": true}""");

        var view = JsonNode.Parse(await sim.Http.GetStringAsync("/_simulator/journal"))!;
        Assert.Equal(1, view["count"]!.GetValue<int>());
        Assert.Equal(1, view["writes"]!.GetValue<int>());
        var entry = view["entries"]![0]!;
        Assert.Equal("PATCH", entry["method"]!.GetValue<string>());
        Assert.Equal("x=1", entry["query"]!.GetValue<string>());
        Assert.True(entry["body"]!["allowedToUseSSPR"]!.GetValue<bool>());

        using var cleared = await sim.Http.DeleteAsync("/_simulator/journal");
        Assert.True(cleared.IsSuccessStatusCode);
        Assert.Equal(0, sim.Host.Journal.Count);
    }

    [Fact]
    public async Task Unknown_graph_path_is_501_and_journaled_as_not_implemented()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        using var response = await sim.GetAsync("/v1.0/me/drive/root");
        var body = await GraphAssert.ErrorAsync(response, HttpStatusCode.NotImplemented, "NotImplemented");
        Assert.Contains("/v1.0/me/drive/root", body["error"]!["message"]!.GetValue<string>());
        var entry = sim.Host.Journal.Entries.Single();
        Assert.False(entry.Implemented);
        Assert.Equal(501, entry.Status);
    }

    [Fact]
    public async Task Known_path_with_another_method_is_405()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        using var response = await sim.SendAsync(HttpMethod.Delete, "/v1.0/policies/authorizationPolicy", null);
        await GraphAssert.ErrorAsync(response, HttpStatusCode.MethodNotAllowed, "Request_BadRequest");
    }

    [Fact]
    public async Task Journal_file_gets_one_json_line_per_request()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sim-journal-{Guid.NewGuid():N}.jsonl");
        try
        {
            await using (var sim = await SimulatorTestHost.StartAsync(configure: o => o.JournalFile = file))
            {
                await sim.GetJsonAsync("/v1.0/policies/authorizationPolicy");
                using var _ = await sim.PatchJsonAsync("/v1.0/policies/authorizationPolicy", """{"allowedToUseSSPR": true}""");
            }
            var lines = File.ReadAllLines(file);
            Assert.Equal(2, lines.Length);
            Assert.Equal("PATCH", JsonNode.Parse(lines[1])!["method"]!.GetValue<string>());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
