using System.Net;

namespace SsprTools.GraphSimulator.Tests.Endpoints;

public sealed class UserTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Eventual = new() { ["ConsistencyLevel"] = "eventual" };
    private SimulatorTestHost _sim = null!;

    public async Task InitializeAsync() => _sim = await SimulatorTestHost.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task Get_by_id_or_userPrincipalName_returns_the_same_user()
    {
        var byId = await _sim.GetJsonAsync($"/v1.0/users/{Seed.GroupAdmin}");
        var byUpn = await _sim.GetJsonAsync($"/v1.0/users/{Seed.GroupAdminUpn.ToUpperInvariant()}");
        Assert.Equal(byId.ToJsonString(), byUpn.ToJsonString());
        Assert.False(byId.ContainsKey("onPremisesSyncEnabled")); // only when selected
    }

    [Fact]
    public async Task Guest_upn_with_hash_works_when_url_encoded()
    {
        var guest = await _sim.GetJsonAsync($"/v1.0/users/{Uri.EscapeDataString(Seed.GuestUpn)}?$select=id,userType");
        Assert.Equal(Seed.Guest, guest["id"]!.GetValue<string>());
        Assert.Equal("Guest", guest["userType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_user_is_404_Request_ResourceNotFound()
    {
        using var response = await _sim.GetAsync("/v1.0/users/nobody@contoso.com");
        var body = await GraphAssert.ErrorAsync(response, HttpStatusCode.NotFound, "Request_ResourceNotFound");
        Assert.Equal("Resource 'nobody@contoso.com' does not exist or one of its queried reference-property objects are not present.",
            body["error"]!["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("userPrincipalName eq 'GRACE.ADMIN@contoso.com'", new[] { Seed.GlobalAdmin })]
    [InlineData("id in ('11111111-1111-4111-8111-111111111111', '66666666-6666-4666-8666-666666666666')", new[] { Seed.GlobalAdmin, Seed.CloudUser })]
    [InlineData("onPremisesImmutableId eq 'yS1hpgKKZF+6iEwj5r0IIw=='", new[] { Seed.GroupAdmin })]
    [InlineData("userPrincipalName in ('alex.wilber@contoso.com') or id eq '88888888-8888-4888-8888-888888888888'", new[] { Seed.SyncedUser, Seed.Disabled })]
    [InlineData("startsWith(displayName,'Gr')", new[] { Seed.GlobalAdmin })]
    public async Task Filter_supports_eq_in_and_startsWith(string filter, string[] expected)
    {
        var body = await _sim.GetJsonAsync($"/v1.0/users?$filter={Uri.EscapeDataString(filter)}&$select=id");
        Assert.Equal(expected.Order(), body["value"]!.AsArray().Select(u => u!["id"]!.GetValue<string>()).Order());
    }

    [Theory]
    [InlineData("$filter=jobTitle eq 'x'", "Request_UnsupportedQuery")] // not a filterable property here
    [InlineData("$filter=accountEnabled ne true", "Request_UnsupportedQuery")] // advanced query without ConsistencyLevel
    [InlineData("$filter=id eqq 'x'", "BadRequest")]
    [InlineData("$filter=userPrincipalName eq 'unterminated", "BadRequest")]
    [InlineData("$select=id,noSuchProperty", "Request_BadRequest")]
    [InlineData("$top=1000", "Request_UnsupportedQuery")]
    [InlineData("$top=0", "Request_UnsupportedQuery")]
    [InlineData("$top=ten", "BadRequest")]
    [InlineData("$count=true", "Request_BadRequest")] // $count needs ConsistencyLevel: eventual
    [InlineData("$orderby=jobTitle", "Request_UnsupportedQuery")]
    public async Task Malformed_or_unsupported_queries_are_400(string query, string code)
    {
        using var response = await _sim.GetAsync("/v1.0/users?" + query);
        await GraphAssert.ErrorAsync(response, HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task Advanced_filter_works_with_eventual_consistency_and_count()
    {
        var body = await _sim.GetJsonAsync("/v1.0/users?$filter=accountEnabled ne true&$count=true&$select=id", headers: Eventual);
        Assert.Equal(1, body["@odata.count"]!.GetValue<int>());
        Assert.Equal(Seed.Disabled, body["value"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Count_with_eventual_consistency_is_on_the_first_page_only()
    {
        var first = await _sim.GetJsonAsync("/v1.0/users?$count=true&$top=3", headers: Eventual);
        Assert.Equal(Seed.UserCount, first["@odata.count"]!.GetValue<int>());
        var second = await _sim.GetJsonAsync(first["@odata.nextLink"]!.GetValue<string>(), headers: Eventual);
        Assert.False(second.ContainsKey("@odata.count"));
    }

    [Fact]
    public async Task Count_segment_answers_plain_text()
    {
        using var response = await _sim.GetAsync("/v1.0/users/$count", headers: Eventual);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Seed.UserCount.ToString(), await response.Content.ReadAsStringAsync());
        using var without = await _sim.GetAsync("/v1.0/users/$count");
        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
    }

    [Fact]
    public async Task Orderby_sorts_by_display_name()
    {
        var body = await _sim.GetJsonAsync("/v1.0/users?$orderby=displayName desc&$select=displayName");
        var names = body["value"]!.AsArray().Select(u => u!["displayName"]!.GetValue<string>()).ToList();
        Assert.Equal(names.OrderByDescending(n => n, StringComparer.OrdinalIgnoreCase), names);
    }

    [Fact]
    public async Task Users_need_a_user_read_permission()
    {
        using var denied = await _sim.GetAsync("/v1.0/users", _sim.Host.IssueToken(scopes: ["Policy.Read.All"]));
        await GraphAssert.ErrorAsync(denied, HttpStatusCode.Forbidden, "Authorization_RequestDenied");
        using var app = await _sim.GetAsync("/v1.0/users", _sim.Host.IssueToken(roles: ["User.Read.All"]));
        Assert.Equal(HttpStatusCode.OK, app.StatusCode);
        // User.ReadBasic.All is a delegated-only permission.
        using var basicApp = await _sim.GetAsync("/v1.0/users", _sim.Host.IssueToken(roles: ["User.ReadBasic.All"]));
        Assert.Equal(HttpStatusCode.Forbidden, basicApp.StatusCode);
    }
}
