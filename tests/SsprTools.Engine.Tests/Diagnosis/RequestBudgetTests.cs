using SsprTools.Engine.Diagnosis;
using SsprTools.Engine.Facts;
using SsprTools.Engine.Tests.Rules;
using SsprTools.Engine.Tests.Support;
using SsprTools.GraphSimulator;

namespace SsprTools.Engine.Tests.Diagnosis;

/// <summary>
/// Graph traffic stays near the floor: tenant-wide reads once, no per-user lookups where a paged
/// read is cheaper (issue 7). Counted from the simulator's journal, batch steps included.
/// </summary>
public class RequestBudgetTests
{
    private static readonly DiagnosisOptions Options = new() { PasswordWriteback = PasswordWritebackState.Enabled };

    private static async Task<SimulatorHost> LargeTenantAsync() =>
        await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = "large", Users = 3000, Admins = 150 });

    [Fact]
    public async Task All_admins_cost_no_more_than_one_and_a_half_times_the_tenant_wide_pages()
    {
        await using var host = await LargeTenantAsync();
        using var session = await SimulatedTenant.ConnectAsync(host);
        host.Journal.Clear();

        var predictions = await DiagnosisRun.Start(session, Options).PredictAdminsAsync(false, new RecordingLog(), CancellationToken.None);

        Assert.NotEmpty(predictions);
        // SSPR for administrators is off here, so every admin fails with SSPR_0009 first: no SSPR_0014 to confirm live.
        Assert.DoesNotContain(host.Journal.Entries, e => e.Path.EndsWith("/authentication/methods", StringComparison.Ordinal));
        var requests = host.Journal.Count;
        Assert.DoesNotContain(host.Journal.Entries, e => e.InBatch && e.Path.StartsWith("/v1.0/users/", StringComparison.Ordinal));
        var floor = await FloorAsync(host);
        Assert.True(requests <= floor * 1.5, $"{requests} requests for a floor of {floor}");
    }

    [Fact]
    public async Task A_pipeline_of_every_user_in_chunks_reads_each_collection_once()
    {
        await using var host = await LargeTenantAsync();
        using var session = await SimulatedTenant.ConnectAsync(host);
        var ids = await AllUserIdsAsync(host);
        host.Journal.Clear();
        var run = DiagnosisRun.Start(session, Options);

        var predicted = 0;
        foreach (var chunk in ids.Chunk(200))
        {
            predicted += (await run.PredictAsync(chunk.Select(id => new UserReference(UserReferenceKind.ObjectId, id)).ToList(), new RecordingLog(), CancellationToken.None)).Count;
        }

        Assert.Equal(ids.Count, predicted);
        // The live confirmation of report-based SSPR_0014 verdicts (LiveConfirmation, issue 13: the report may lag up to
        // 36 hours) adds at most one $batch of 20 steps per run, 21 requests as the journal counts them: this run took 30
        // before it and 51 with it, still under the bound. The bound stays; the confirmation's own share is asserted here.
        Assert.Equal(LiveConfirmation.Budget, host.Journal.Entries.Count(e => e.Path.EndsWith("/authentication/methods", StringComparison.Ordinal)));
        Assert.True(host.Journal.Count < 60, $"{host.Journal.Count} requests for {ids.Count} users");
        Assert.Equal(1, host.Journal.Entries.Count(e => e.Path == "/v1.0/users" && !e.Query.Contains("skiptoken", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(1, host.Journal.Entries.Count(e => e.Path == "/v1.0/roleManagement/directory/roleAssignments" && !e.Query.Contains("skiptoken", StringComparison.OrdinalIgnoreCase)));
    }

    // The floor: pages of each tenant-wide read at the largest page the simulator accepts.
    private static async Task<int> FloorAsync(SimulatorHost host)
    {
        var groups = host.Journal.Entries.Select(e => e.Path).Where(p => p.StartsWith("/v1.0/groups/", StringComparison.Ordinal)).Distinct().Count();
        var pages = 4; // policy, organization, subscribedSkus, directory/subscriptions
        foreach (var path in new[]
        {
            "roleManagement/directory/roleDefinitions", "roleManagement/directory/roleAssignments?$expand=principal",
            "roleManagement/directory/roleEligibilityScheduleInstances?$expand=principal", "users?$select=id",
            "reports/authenticationMethods/userRegistrationDetails?$filter=isAdmin eq true",
        })
        {
            pages += await PagesAsync(host, path);
        }

        return pages + groups;
    }

    private static async Task<int> PagesAsync(SimulatorHost host, string path)
    {
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", host.DefaultToken);
        var separator = path.Contains('?') ? "&" : "?";
        string? next = new Uri(host.BaseUrl, "v1.0/" + path + separator + "$top=999").ToString();
        var pages = 0;
        while (next is not null)
        {
            var json = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync(next))!;
            pages++;
            next = json["@odata.nextLink"]?.GetValue<string>();
        }

        return pages;
    }

    private static async Task<List<string>> AllUserIdsAsync(SimulatorHost host)
    {
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", host.DefaultToken);
        var ids = new List<string>();
        string? next = new Uri(host.BaseUrl, "v1.0/users?$select=id&$top=999").ToString();
        while (next is not null)
        {
            var json = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync(next))!;
            ids.AddRange(json["value"]!.AsArray().Select(u => u!["id"]!.GetValue<string>()));
            next = json["@odata.nextLink"]?.GetValue<string>();
        }

        return ids;
    }
}
