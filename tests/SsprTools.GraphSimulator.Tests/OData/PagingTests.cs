using System.Net;
using System.Text.Json.Nodes;

namespace SsprTools.GraphSimulator.Tests.OData;

public sealed class PagingTests
{
    /// <summary>Follows @odata.nextLink verbatim; returns all item ids and the number of pages.</summary>
    internal static async Task<(List<string> Ids, int Pages)> WalkAsync(SimulatorTestHost sim, string path, string idProperty = "id", int maxPages = 200)
    {
        var ids = new List<string>();
        string? next = path;
        var pages = 0;
        while (next is not null)
        {
            Assert.True(++pages <= maxPages, "too many pages");
            var body = await sim.GetJsonAsync(next);
            Assert.True(body.ContainsKey("@odata.context"));
            ids.AddRange(body["value"]!.AsArray().Select(i => i![idProperty]!.GetValue<string>()));
            next = body["@odata.nextLink"]?.GetValue<string>();
            if (next is not null)
                Assert.StartsWith(sim.Host.BaseUrl.ToString().TrimEnd('/') + "/", next); // absolute
        }
        return (ids, pages);
    }

    [Fact]
    public async Task Large_scenario_serves_every_user_exactly_once()
    {
        // Load time is not asserted: a timed unit test fails on a busy machine without a fault in the code.
        await using var sim = await SimulatorTestHost.StartAsync("large", o => { o.Users = 10_000; o.Admins = 500; });

        var (ids, pages) = await WalkAsync(sim, "/v1.0/users?$top=999&$select=id,userPrincipalName");
        Assert.Equal(10_000, ids.Count);
        Assert.Equal(10_000, ids.Distinct().Count());
        Assert.Equal(11, pages);
    }

    [Fact]
    public async Task Default_page_size_is_100_and_options_survive_in_the_next_link()
    {
        await using var sim = await SimulatorTestHost.StartAsync("large", o => { o.Users = 250; o.Admins = 20; });
        var first = await sim.GetJsonAsync("/v1.0/users?$select=id,displayName&$filter=startsWith(displayName,'User')");
        Assert.Equal(100, first["value"]!.AsArray().Count);
        var next = first["@odata.nextLink"]!.GetValue<string>();
        Assert.Contains("$select=id,displayName", Uri.UnescapeDataString(next));
        Assert.Contains("$skiptoken=", next);
        var (ids, pages) = await WalkAsync(sim, "/v1.0/users?$select=id");
        Assert.Equal(250, ids.Distinct().Count());
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Registration_report_and_role_assignments_page_through_large_tenants()
    {
        await using var sim = await SimulatorTestHost.StartAsync("large", o => { o.Users = 1_500; o.Admins = 300; });
        var (details, _) = await WalkAsync(sim, "/v1.0/reports/authenticationMethods/userRegistrationDetails");
        Assert.Equal(1_500, details.Distinct().Count());
        var (admins, _) = await WalkAsync(sim, "/v1.0/reports/authenticationMethods/userRegistrationDetails?$filter=isAdmin eq true");
        Assert.Equal(240, admins.Count); // 300 admins, one in five PIM-eligible only
        var (assignments, pages) = await WalkAsync(sim, "/v1.0/roleManagement/directory/roleAssignments");
        Assert.Equal(assignments.Count, assignments.Distinct().Count());
        Assert.True(pages > 1);
        var (eligible, _) = await WalkAsync(sim, "/v1.0/roleManagement/directory/roleEligibilityScheduleInstances");
        Assert.Equal(60, eligible.Count);
    }

    [Fact]
    public async Task A_skiptoken_from_another_query_is_rejected()
    {
        await using var sim = await SimulatorTestHost.StartAsync("large", o => { o.Users = 300; o.Admins = 10; });
        var first = await sim.GetJsonAsync("/v1.0/users?$select=id");
        var token = first["@odata.nextLink"]!.GetValue<string>().Split("$skiptoken=")[1];
        using var other = await sim.GetAsync($"/v1.0/users?$select=displayName&$skiptoken={token}");
        await GraphAssert.ErrorAsync(other, HttpStatusCode.BadRequest, "Request_BadRequest");
        using var garbage = await sim.GetAsync("/v1.0/users?$skiptoken=abc");
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
    }

    [Fact]
    public async Task Generated_admins_are_spread_over_direct_group_and_eligible_assignments()
    {
        await using var sim = await SimulatorTestHost.StartAsync("large", o => { o.Users = 100; o.Admins = 50; });
        var assignments = await sim.GetJsonAsync("/v1.0/roleManagement/directory/roleAssignments?$expand=principal");
        var principalTypes = assignments["value"]!.AsArray().Select(a => a!["principal"]!["@odata.type"]!.GetValue<string>()).ToHashSet();
        Assert.Equal(["#microsoft.graph.group", "#microsoft.graph.user"], principalTypes.Order());
        var eligible = await sim.GetJsonAsync("/v1.0/roleManagement/directory/roleEligibilityScheduleInstances");
        Assert.Equal(10, eligible["value"]!.AsArray().Count);
        var inherited = await sim.GetJsonAsync("/v1.0/roleManagement/directory/roleAssignmentScheduleInstances?$filter=memberType eq 'Group'");
        Assert.Equal(10, inherited["value"]!.AsArray().Count);
    }
}
