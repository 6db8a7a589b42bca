using System.Net;
using System.Text.Json.Nodes;

namespace SsprTools.GraphSimulator.Tests.Endpoints;

public sealed class MembershipTests : IAsyncLifetime
{
    private SimulatorTestHost _sim = null!;

    public async Task InitializeAsync() => _sim = await SimulatorTestHost.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private static IEnumerable<string> Ids(JsonObject body) => body["value"]!.AsArray().Select(i => i!["id"]!.GetValue<string>());

    private static IEnumerable<string> RoleTemplates(JsonObject body) =>
        body["value"]!.AsArray().Where(i => i!["@odata.type"]!.GetValue<string>() == "#microsoft.graph.directoryRole")
            .Select(i => i!["roleTemplateId"]!.GetValue<string>());

    [Fact]
    public async Task Role_through_a_group_is_transitive_but_not_direct()
    {
        var direct = await _sim.GetJsonAsync($"/v1.0/users/{Seed.GroupAdmin}/memberOf");
        Assert.Empty(RoleTemplates(direct));
        Assert.Contains(Seed.RoleGroup, Ids(direct));

        var transitive = await _sim.GetJsonAsync($"/v1.0/users/{Seed.GroupAdmin}/transitiveMemberOf");
        Assert.Equal([Seed.UserAdministratorRole], RoleTemplates(transitive));
    }

    [Theory]
    [InlineData("microsoft.graph.directoryRole")]
    [InlineData("graph.directoryRole")]
    public async Task Role_cast_in_both_spellings_lists_only_roles(string cast)
    {
        var body = await _sim.GetJsonAsync($"/v1.0/users/{Seed.GlobalAdminUpn}/transitiveMemberOf/{cast}");
        Assert.EndsWith("$metadata#directoryRoles", body["@odata.context"]!.GetValue<string>());
        Assert.Equal([Seed.GlobalAdministratorRole], RoleTemplates(body));
        Assert.All(body["value"]!.AsArray(), i => Assert.Equal("#microsoft.graph.directoryRole", i!["@odata.type"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("microsoft.graph.group")]
    [InlineData("graph.group")]
    public async Task Group_cast_lists_only_groups_with_isAssignableToRole(string cast)
    {
        var body = await _sim.GetJsonAsync($"/v1.0/users/{Seed.GroupAdmin}/transitiveMemberOf/{cast}?$select=id,displayName,isAssignableToRole");
        Assert.EndsWith("$metadata#groups(id,displayName,isAssignableToRole)", body["@odata.context"]!.GetValue<string>());
        Assert.Equal([Seed.RoleGroup, Seed.AllStaff], Ids(body).Order());
        Assert.Contains(body["value"]!.AsArray(), g => g!["isAssignableToRole"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Pim_eligible_role_is_not_a_membership()
    {
        var body = await _sim.GetJsonAsync($"/v1.0/users/{Seed.PimAdmin}/transitiveMemberOf/microsoft.graph.directoryRole");
        Assert.Empty(body["value"]!.AsArray());
    }

    [Fact]
    public async Task Filter_on_memberships_needs_advanced_query_headers()
    {
        var path = $"/v1.0/users/{Seed.GroupAdmin}/transitiveMemberOf/microsoft.graph.group?$filter=isAssignableToRole eq true";
        using var plain = await _sim.GetAsync(path);
        await GraphAssert.ErrorAsync(plain, HttpStatusCode.BadRequest, "Request_UnsupportedQuery");
        var body = await _sim.GetJsonAsync(path + "&$count=true", headers: new Dictionary<string, string> { ["ConsistencyLevel"] = "eventual" });
        Assert.Equal([Seed.RoleGroup], Ids(body));
        Assert.Equal(1, body["@odata.count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Group_members_and_transitive_members()
    {
        var group = await _sim.GetJsonAsync($"/v1.0/groups/{Seed.RoleGroup}?$select=id,isAssignableToRole");
        Assert.True(group["isAssignableToRole"]!.GetValue<bool>());
        var members = await _sim.GetJsonAsync($"/v1.0/groups/{Seed.RoleGroup}/members");
        Assert.Equal([Seed.GroupAdmin], Ids(members));
        Assert.Equal("#microsoft.graph.user", members["value"]![0]!["@odata.type"]!.GetValue<string>());
        var transitive = await _sim.GetJsonAsync($"/v1.0/groups/{Seed.AllStaff}/transitiveMembers?$top=3");
        Assert.Equal(3, transitive["value"]!.AsArray().Count);
        Assert.True(transitive.ContainsKey("@odata.nextLink"));
        using var missing = await _sim.GetAsync("/v1.0/groups/00000000-0000-0000-0000-000000000000/members");
        await GraphAssert.ErrorAsync(missing, HttpStatusCode.NotFound, "Request_ResourceNotFound");
    }

    [Fact]
    public async Task Directory_roles_list_only_activated_roles_and_resolve_by_template_id()
    {
        var roles = await _sim.GetJsonAsync("/v1.0/directoryRoles");
        var templates = roles["value"]!.AsArray().Select(r => r!["roleTemplateId"]!.GetValue<string>()).ToList();
        Assert.Equal([Seed.GlobalAdministratorRole, Seed.HelpdeskAdministratorRole, Seed.UserAdministratorRole], templates.Order());
        Assert.DoesNotContain(Seed.PrivilegedRoleAdministratorRole, templates); // eligible only
        Assert.All(roles["value"]!.AsArray(), r => Assert.NotEqual(r!["id"]!.GetValue<string>(), r["roleTemplateId"]!.GetValue<string>()));

        var byTemplate = await _sim.GetJsonAsync($"/v1.0/directoryRoles(roleTemplateId='{Seed.UserAdministratorRole}')/members");
        Assert.Equal([Seed.RoleGroup], Ids(byTemplate)); // the role-assignable group is the member
        Assert.False(byTemplate.ContainsKey("@odata.nextLink"));
        var older = await _sim.GetJsonAsync($"/v1.0/directoryRoles/roleTemplateId={Seed.GlobalAdministratorRole}/members");
        Assert.Equal([Seed.GlobalAdmin], Ids(older));
        var single = await _sim.GetJsonAsync($"/v1.0/directoryRoles(roleTemplateId='{Seed.GlobalAdministratorRole}')");
        Assert.Equal("Global Administrator", single["displayName"]!.GetValue<string>());

        using var inactive = await _sim.GetAsync($"/v1.0/directoryRoles(roleTemplateId='{Seed.PrivilegedRoleAdministratorRole}')/members");
        await GraphAssert.ErrorAsync(inactive, HttpStatusCode.NotFound, "Request_ResourceNotFound");
    }
}
