using System.Text.Json.Nodes;

namespace SsprTools.GraphSimulator.Tests;

/// <summary>Every endpoint's JSON has the keys and JSON kinds of Microsoft's documented examples.</summary>
public sealed class ContractTests : IAsyncLifetime
{
    private SimulatorTestHost _sim = null!;

    public async Task InitializeAsync() => _sim = await SimulatorTestHost.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Theory]
    [InlineData("/v1.0/users", DocumentedItems.UserDefault)]
    [InlineData("/v1.0/roleManagement/directory/roleAssignments", DocumentedItems.RoleAssignment)]
    [InlineData("/v1.0/roleManagement/directory/roleDefinitions", DocumentedItems.RoleDefinition)]
    [InlineData("/v1.0/roleManagement/directory/roleEligibilitySchedules", DocumentedItems.EligibilitySchedule)]
    [InlineData("/v1.0/roleManagement/directory/roleEligibilityScheduleInstances", DocumentedItems.EligibilityInstance)]
    [InlineData("/v1.0/roleManagement/directory/roleAssignmentScheduleInstances", DocumentedItems.AssignmentInstance)]
    [InlineData("/v1.0/reports/authenticationMethods/userRegistrationDetails", DocumentedItems.RegistrationDetails)]
    [InlineData("/v1.0/organization", DocumentedItems.Organization)]
    [InlineData("/v1.0/subscribedSkus", DocumentedItems.SubscribedSku)]
    [InlineData("/v1.0/directory/onPremisesSynchronization", DocumentedItems.OnPremisesSynchronization)]
    [InlineData("/v1.0/directoryRoles", DocumentedItems.DirectoryRole)]
    [InlineData("/beta/users", DocumentedItems.UserDefault)]
    public async Task Collection_items_match_the_documented_example(string path, string example)
    {
        var body = await _sim.GetJsonAsync(path);
        AssertCollectionContext(body, path);
        var items = body["value"]!.AsArray();
        Assert.NotEmpty(items);
        var documented = DocumentedExamples.Parse(example);
        documented.Remove("@odata.type"); // directoryRoles lists are homogeneous
        foreach (var item in items)
            GraphAssert.HasShape(item!.AsObject(), documented);
    }

    [Fact]
    public async Task Users_without_select_return_exactly_the_default_properties()
    {
        var user = (await _sim.GetJsonAsync("/v1.0/users"))["value"]![0]!.AsObject();
        Assert.Equal(DocumentedExamples.Parse(DocumentedItems.UserDefault).Select(p => p.Key).Order(), user.Select(p => p.Key).Order());
    }

    [Fact]
    public async Task Selected_user_properties_match_the_documented_shape()
    {
        var user = await _sim.GetJsonAsync($"/v1.0/users/{Seed.GlobalAdmin}?$select=id,userPrincipalName,displayName,accountEnabled,onPremisesSyncEnabled,onPremisesImmutableId,userType,assignedLicenses,assignedPlans");
        GraphAssert.HasShape(user, DocumentedExamples.Parse(DocumentedItems.UserSelected));
        Assert.EndsWith("#users(id,userPrincipalName,displayName,accountEnabled,onPremisesSyncEnabled,onPremisesImmutableId,userType,assignedLicenses,assignedPlans)/$entity",
            user["@odata.context"]!.GetValue<string>());
    }

    [Fact]
    public async Task Group_matches_the_documented_shape()
    {
        var group = await _sim.GetJsonAsync($"/v1.0/groups/{Seed.RoleGroup}");
        GraphAssert.HasShape(group, DocumentedExamples.Parse(DocumentedItems.Group));
        Assert.True(group["isAssignableToRole"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Membership_items_carry_odata_type_and_documented_role_shape()
    {
        var body = await _sim.GetJsonAsync($"/v1.0/users/{Seed.GlobalAdmin}/transitiveMemberOf");
        Assert.All(body["value"]!.AsArray(), item => Assert.StartsWith("#microsoft.graph.", item!["@odata.type"]!.GetValue<string>()));
        var role = body["value"]!.AsArray().Single(i => i!["@odata.type"]!.GetValue<string>() == "#microsoft.graph.directoryRole")!.AsObject();
        GraphAssert.HasShape(role, DocumentedExamples.Parse(DocumentedItems.DirectoryRole));
    }

    [Fact]
    public async Task Authentication_methods_match_the_documented_method_shapes()
    {
        var seen = new HashSet<string>();
        foreach (var user in new[] { Seed.GlobalAdmin, Seed.Helpdesk, Seed.PimAdmin, Seed.CloudUser })
        {
            var body = await _sim.GetJsonAsync($"/v1.0/users/{user}/authentication/methods");
            Assert.Contains("/authentication/methods", body["@odata.context"]!.GetValue<string>());
            foreach (var method in body["value"]!.AsArray().Select(m => m!.AsObject()))
            {
                var type = method["@odata.type"]!.GetValue<string>();
                Assert.True(DocumentedItems.AuthenticationMethods.ContainsKey(type), $"undocumented type {type}");
                GraphAssert.HasShape(method, DocumentedExamples.Parse(DocumentedItems.AuthenticationMethods[type]));
                seen.Add(type);
            }
        }
        Assert.Equal(DocumentedItems.AuthenticationMethods.Keys.Order(), seen.Order());
    }

    [Fact]
    public async Task Single_entities_have_an_entity_context()
    {
        foreach (var (path, set) in new[]
        {
            ($"/v1.0/users/{Seed.GlobalAdminUpn}", "users"),
            ($"/v1.0/groups/{Seed.RoleGroup}", "groups"),
            ($"/v1.0/organization/{Seed.TenantId}", "organization"),
            ($"/v1.0/directory/onPremisesSynchronization/{Seed.TenantId}", "directory/onPremisesSynchronization"),
            ($"/v1.0/reports/authenticationMethods/userRegistrationDetails/{Seed.Helpdesk}", "reports/authenticationMethods/userRegistrationDetails"),
            ($"/v1.0/roleManagement/directory/roleDefinitions/{Seed.GlobalAdministratorRole}", "roleManagement/directory/roleDefinitions"),
        })
        {
            var body = await _sim.GetJsonAsync(path);
            Assert.EndsWith($"/v1.0/$metadata#{set}/$entity", body["@odata.context"]!.GetValue<string>());
        }
    }

    private void AssertCollectionContext(JsonObject body, string path)
    {
        var version = path.Split('/')[1];
        var context = body["@odata.context"]!.GetValue<string>();
        Assert.StartsWith($"{_sim.Host.BaseUrl.ToString().TrimEnd('/')}/{version}/$metadata#", context);
    }
}
