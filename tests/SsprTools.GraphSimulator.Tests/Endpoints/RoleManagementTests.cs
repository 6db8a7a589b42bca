using System.Net;
using System.Text.Json.Nodes;

namespace SsprTools.GraphSimulator.Tests.Endpoints;

public sealed class RoleManagementTests : IAsyncLifetime
{
    private const string Assignments = "/v1.0/roleManagement/directory/roleAssignments";
    private SimulatorTestHost _sim = null!;

    public async Task InitializeAsync() => _sim = await SimulatorTestHost.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    // Template ids of roles named by the SSPR administrator policy (admin-roles.md) plus roles outside it.
    public static readonly TheoryData<string> KnownTemplates = new()
    {
        "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", "158c047a-c907-4556-b7ef-446551a6b5f7", "c4e39bd9-1100-46d3-8c65-fb160da0071f",
        "b0f54661-2d74-4c50-afa3-1ec803f12efe", "d29b2b05-8046-44ba-8758-1e26182fcf32", "62e90394-69f5-4237-9190-012177145e10",
        "729827e3-9c14-49f7-bb1b-9608f156bbb8", "966707d0-3269-4727-9be2-8c3a10f19b9d", "7be44c8a-adaf-4e2a-84d6-ab2649e08a13",
        "e8611ab8-c189-46e8-94e1-60213ab1f814", "194ae4cb-b126-40b2-bd5b-6091b380977d", "fe930be7-5e62-47db-91af-98c3a49a38b1",
        "810a2642-a034-447f-a5e8-41beaa378541", "9f06204d-73c1-4d4c-880a-6edb90606fd8", "d24aef57-1500-4070-84db-2666f29cf966",
        "f2ef992c-3afb-46b9-b7cf-a126ee74c451", "5d6b6bb7-de71-4623-b4af-96380a352509", "88d8e3e3-8f55-4a1e-953a-9b9898b8876b",
    };

    [Theory]
    [MemberData(nameof(KnownTemplates))]
    public async Task Role_definitions_include_built_in_roles_with_id_equal_to_template_id(string templateId)
    {
        var body = await _sim.GetJsonAsync($"/v1.0/roleManagement/directory/roleDefinitions?$filter=id eq '{templateId}'");
        var role = Assert.Single(body["value"]!.AsArray())!;
        Assert.Equal(templateId, role["templateId"]!.GetValue<string>());
        Assert.True(role["isBuiltIn"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Role_definitions_cover_every_role_the_sspr_policy_names_with_a_template()
    {
        var body = await _sim.GetJsonAsync("/v1.0/roleManagement/directory/roleDefinitions");
        Assert.True(body["value"]!.AsArray().Count >= 80);
        Assert.False(body.ContainsKey("@odata.nextLink"));
    }

    [Fact]
    public async Task Assignments_filter_by_principal_and_expand_role_definition()
    {
        var body = await _sim.GetJsonAsync($"{Assignments}?$filter=principalId eq '{Seed.GlobalAdmin}'&$expand=roleDefinition");
        Assert.EndsWith("#roleManagement/directory/roleAssignments(roleDefinition())", body["@odata.context"]!.GetValue<string>());
        var assignment = Assert.Single(body["value"]!.AsArray())!;
        Assert.Equal("lAPpYvVpN0KRkAEhdxReEAEREREREREUGBEREREREREQ-1", assignment["id"]!.GetValue<string>()); // Graph's id form
        Assert.Equal("Global Administrator", assignment["roleDefinition"]!["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Group_assignment_has_the_group_as_principal()
    {
        var body = await _sim.GetJsonAsync($"{Assignments}?$filter=roleDefinitionId eq '{Seed.UserAdministratorRole}'&$expand=principal");
        var assignment = Assert.Single(body["value"]!.AsArray())!;
        Assert.Equal(Seed.RoleGroup, assignment["principalId"]!.GetValue<string>());
        Assert.Equal("#microsoft.graph.group", assignment["principal"]!["@odata.type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Expanding_both_navigation_properties_works()
    {
        var body = await _sim.GetJsonAsync($"{Assignments}?$expand=principal,roleDefinition");
        Assert.Equal(3, body["value"]!.AsArray().Count); // eligible-only PIM roles are not assignments
        Assert.All(body["value"]!.AsArray(), a =>
        {
            Assert.NotNull(a!["principal"]);
            Assert.NotNull(a["roleDefinition"]);
        });
    }

    [Theory]
    [InlineData("$filter=principalId in ('x')")]
    [InlineData("$filter=condition eq null")]
    [InlineData("$expand=directoryScope")]
    public async Task Unsupported_assignment_queries_are_400(string query)
    {
        using var response = await _sim.GetAsync($"{Assignments}?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Role_management_needs_a_role_management_permission()
    {
        using var denied = await _sim.GetAsync(Assignments, _sim.Host.IssueToken(roles: ["User.Read.All"]));
        await GraphAssert.ErrorAsync(denied, HttpStatusCode.Forbidden, "Authorization_RequestDenied");
        using var allowed = await _sim.GetAsync(Assignments, _sim.Host.IssueToken(roles: ["RoleManagement.Read.Directory"]));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }
}

public sealed class PimTests
{
    private const string Root = "/v1.0/roleManagement/directory";

    [Fact]
    public async Task Eligibility_schedules_and_instances_show_the_eligible_admin()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        var schedules = await sim.GetJsonAsync($"{Root}/roleEligibilitySchedules?$filter=principalId eq '{Seed.PimAdmin}'");
        var schedule = Assert.Single(schedules["value"]!.AsArray())!;
        Assert.Equal(Seed.PrivilegedRoleAdministratorRole, schedule["roleDefinitionId"]!.GetValue<string>());
        Assert.Equal("Provisioned", schedule["status"]!.GetValue<string>());

        var instances = await sim.GetJsonAsync($"{Root}/roleEligibilityScheduleInstances?$filter=principalId eq '{Seed.PimAdmin}'");
        var instance = Assert.Single(instances["value"]!.AsArray())!;
        Assert.Equal(schedule["id"]!.GetValue<string>(), instance["roleEligibilityScheduleId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Assignment_instances_mark_group_inherited_roles()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        var body = await sim.GetJsonAsync($"{Root}/roleAssignmentScheduleInstances?$filter=principalId eq '{Seed.GroupAdmin}'");
        var instance = Assert.Single(body["value"]!.AsArray())!;
        Assert.Equal("Group", instance["memberType"]!.GetValue<string>());
        Assert.Equal("Assigned", instance["assignmentType"]!.GetValue<string>());
        Assert.Equal(Seed.UserAdministratorRole, instance["roleDefinitionId"]!.GetValue<string>());

        var direct = await sim.GetJsonAsync($"{Root}/roleAssignmentScheduleInstances?$filter=principalId eq '{Seed.GlobalAdmin}'");
        Assert.Equal("Direct", direct["value"]![0]!["memberType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Activated_eligibility_shows_as_activated_assignment_and_membership()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sim-activated-{Guid.NewGuid():N}.json");
        var scenario = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Scenarios", "seed.json")))!;
        scenario["roles"]![3]!["assignment"] = "activated";
        File.WriteAllText(file, scenario.ToJsonString());
        try
        {
            await using var sim = await SimulatorTestHost.StartAsync(file);
            var body = await sim.GetJsonAsync($"{Root}/roleAssignmentScheduleInstances?$filter=principalId eq '{Seed.PimAdmin}'");
            var instance = Assert.Single(body["value"]!.AsArray())!;
            Assert.Equal("Activated", instance["assignmentType"]!.GetValue<string>());
            Assert.NotNull(instance["endDateTime"]);
            var roles = await sim.GetJsonAsync($"/v1.0/users/{Seed.PimAdmin}/transitiveMemberOf/microsoft.graph.directoryRole");
            Assert.Single(roles["value"]!.AsArray());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("roleEligibilitySchedules")]
    [InlineData("roleEligibilityScheduleInstances")]
    [InlineData("roleAssignmentScheduleInstances")]
    public async Task Pim_without_p2_is_400_AadPremiumLicenseRequired(string set)
    {
        await using var sim = await SimulatorTestHost.StartAsync("nopremium");
        using var response = await sim.GetAsync($"{Root}/{set}");
        await GraphAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "AadPremiumLicenseRequired");
    }

    [Fact]
    public async Task Pim_needs_a_schedule_or_role_management_permission()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        using var denied = await sim.GetAsync($"{Root}/roleEligibilityScheduleInstances", sim.Host.IssueToken(roles: ["RoleAssignmentSchedule.Read.Directory"]));
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        using var allowed = await sim.GetAsync($"{Root}/roleEligibilityScheduleInstances", sim.Host.IssueToken(roles: ["RoleEligibilitySchedule.Read.Directory"]));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }
}
