using System.Net;
using System.Text.Json.Nodes;

namespace SsprTools.GraphSimulator.Tests.Endpoints;

public sealed class ReportTests
{
    private const string Report = "/v1.0/reports/authenticationMethods/userRegistrationDetails";

    [Fact]
    public async Task IsAdmin_filter_returns_active_admins_including_through_groups()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        var body = await sim.GetJsonAsync($"{Report}?$filter=isAdmin eq true");
        var ids = body["value"]!.AsArray().Select(d => d!["id"]!.GetValue<string>()).Order();
        Assert.Equal([Seed.GlobalAdmin, Seed.Helpdesk, Seed.GroupAdmin], ids);
    }

    [Fact]
    public async Task Report_agrees_with_authentication_methods_for_every_user()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        var report = await sim.GetJsonAsync(Report);
        Assert.Equal(Seed.UserCount, report["value"]!.AsArray().Count);
        foreach (var details in report["value"]!.AsArray().Select(d => d!.AsObject()))
        {
            var methods = await sim.GetJsonAsync($"/v1.0/users/{details["id"]}/authentication/methods");
            var nonPassword = methods["value"]!.AsArray().Count(m => m!["@odata.type"]!.GetValue<string>() != "#microsoft.graph.passwordAuthenticationMethod");
            Assert.Equal(nonPassword, details["methodsRegistered"]!.AsArray().Count);
            Assert.Equal(details["userType"]!.GetValue<string>().ToLowerInvariant(), details["userType"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Admin_with_one_method_is_not_sspr_registered()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        var helpdesk = await sim.GetJsonAsync($"{Report}/{Seed.Helpdesk}");
        Assert.True(helpdesk["isAdmin"]!.GetValue<bool>());
        Assert.Equal(["microsoftAuthenticatorPush"], helpdesk["methodsRegistered"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.False(helpdesk["isSsprRegistered"]!.GetValue<bool>());
        var user = await sim.GetJsonAsync($"{Report}/{Seed.SyncedUser}");
        Assert.True(user["isSsprRegistered"]!.GetValue<bool>()); // one method is enough for a non-admin here
    }

    [Theory]
    [InlineData("methodsRegistered/any(m:m eq 'email')", 3)]
    [InlineData("userType eq 'guest'", 1)]
    [InlineData("startsWith(userPrincipalName,'g')", 3)]
    [InlineData("isSsprRegistered eq false and isAdmin eq true", 1)]
    public async Task Documented_filters_work(string filter, int expected)
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        var body = await sim.GetJsonAsync($"{Report}?$filter={Uri.EscapeDataString(filter)}");
        Assert.Equal(expected, body["value"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("id in ('11111111-1111-4111-8111-111111111111')")] // 'id' is not a documented filter property
    [InlineData("id eq '11111111-1111-4111-8111-111111111111'")]
    public async Task Undocumented_filters_are_400(string filter)
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        using var response = await sim.GetAsync($"{Report}?$filter={Uri.EscapeDataString(filter)}");
        await GraphAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "Request_UnsupportedQuery");
    }

    [Fact]
    public async Task Report_without_premium_is_403_and_without_audit_permission_is_403()
    {
        await using (var sim = await SimulatorTestHost.StartAsync("nopremium"))
        {
            using var response = await sim.GetAsync(Report);
            var body = await GraphAssert.ErrorAsync(response, HttpStatusCode.Forbidden, "Authentication_RequestFromNonPremiumTenantOrB2CTenant");
            Assert.Contains("premium", body["error"]!["message"]!.GetValue<string>());
        }
        await using (var sim = await SimulatorTestHost.StartAsync())
        {
            using var response = await sim.GetAsync(Report, sim.Host.IssueToken(roles: ["User.Read.All"]));
            await GraphAssert.ErrorAsync(response, HttpStatusCode.Forbidden, "Authorization_RequestDenied");
        }
    }
}

public sealed class OrganizationTests
{
    [Fact]
    public async Task Organization_shows_sync_and_domains()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        var org = (await sim.GetJsonAsync("/v1.0/organization"))["value"]![0]!;
        Assert.Equal(Seed.TenantId, org["id"]!.GetValue<string>());
        Assert.True(org["onPremisesSyncEnabled"]!.GetValue<bool>());
        var domains = org["verifiedDomains"]!.AsArray();
        Assert.Contains(domains, d => d!["isInitial"]!.GetValue<bool>() && d["name"]!.GetValue<string>().EndsWith(".onmicrosoft.com"));
        Assert.Contains(domains, d => !d!["isInitial"]!.GetValue<bool>() && d["isDefault"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Organization_with_only_User_Read_populates_id_name_and_domains()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        var org = (await sim.GetJsonAsync("/v1.0/organization", sim.Host.IssueToken(scopes: ["User.Read"])))["value"]![0]!;
        Assert.NotNull(org["verifiedDomains"]);
        Assert.NotNull(org["displayName"]);
        Assert.Null(org["onPremisesSyncEnabled"]);
        using var app = await sim.GetAsync("/v1.0/organization", sim.Host.IssueToken(roles: ["User.Read"]));
        Assert.Equal(HttpStatusCode.Forbidden, app.StatusCode);
    }

    [Fact]
    public async Task Subscribed_skus_expose_the_p1_and_p2_service_plans()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        var skus = (await sim.GetJsonAsync("/v1.0/subscribedSkus"))["value"]!.AsArray();
        var plans = skus.SelectMany(s => s!["servicePlans"]!.AsArray()).Select(p => p!["servicePlanId"]!.GetValue<string>()).ToHashSet();
        Assert.Contains("41781fb2-bc02-4b7c-bd55-b576c07bb09d", plans);
        Assert.Contains("eec0eb4f-6444-4f95-aba0-50c24d67f998", plans);
        using var filtered = await sim.GetAsync("/v1.0/subscribedSkus?$filter=skuPartNumber eq 'AAD_PREMIUM'");
        Assert.Equal(HttpStatusCode.BadRequest, filtered.StatusCode); // only $select is supported
    }

    [Fact]
    public async Task No_premium_tenant_has_no_p1_plan()
    {
        await using var sim = await SimulatorTestHost.StartAsync("nopremium");
        var skus = (await sim.GetJsonAsync("/v1.0/subscribedSkus"))["value"]!.AsArray();
        Assert.DoesNotContain(skus.SelectMany(s => s!["servicePlans"]!.AsArray()), p => p!["servicePlanId"]!.GetValue<string>() == "41781fb2-bc02-4b7c-bd55-b576c07bb09d");
    }

    [Fact]
    public async Task On_premises_synchronization_is_delegated_only()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        var list = await sim.GetJsonAsync("/v1.0/directory/onPremisesSynchronization");
        Assert.EndsWith("#directory/onPremisesSynchronization", list["@odata.context"]!.GetValue<string>());
        var item = await sim.GetJsonAsync($"/v1.0/directory/onPremisesSynchronization/{Seed.TenantId}");
        Assert.True(item["features"]!["passwordSyncEnabled"]!.GetValue<bool>());
        using var app = await sim.GetAsync("/v1.0/directory/onPremisesSynchronization", sim.Host.IssueToken(roles: ["OnPremDirectorySynchronization.Read.All"]));
        await GraphAssert.ErrorAsync(app, HttpStatusCode.Forbidden, "Authorization_RequestDenied");
    }
}
