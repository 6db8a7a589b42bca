using System.Net;

namespace SsprTools.GraphSimulator.Tests.Scenarios;

/// <summary>Scenario features for admin-status cases: administrative-unit scopes, custom role definitions, a group whose
/// members the caller may not read, and the B2B user properties externalUserState and creationType.</summary>
public sealed class ScenarioRoleShapesTests : IAsyncLifetime
{
    private const string Unit = "/administrativeUnits/ae000000-0000-4000-8000-0000000000a1";
    private const string Aura = "a0000001-0000-4000-8000-000000000005";
    private const string Carl = "a0000001-0000-4000-8000-000000000003";
    private const string Max = "a0000001-0000-4000-8000-000000000007";
    private const string HiddenGroup = "b0000002-0000-4000-8000-000000000001";
    private const string CustomRoleId = "c0570000-0000-4000-8000-00000000c001";
    private const string HelpdeskRole = "729827e3-9c14-49f7-bb1b-9608f156bbb8";

    private const string Scenario = """
        {
          "tenantId": "5a1d0c3e-2b4f-4e6a-9c8d-7e6f5a4b3c2d",
          "users": [
            {"id": "a0000001-0000-4000-8000-000000000001", "userPrincipalName": "ada.admin@contoso.com"},
            {"id": "a0000001-0000-4000-8000-000000000003", "userPrincipalName": "carl.custom@contoso.com"},
            {"id": "a0000001-0000-4000-8000-000000000005", "userPrincipalName": "aura.unit@contoso.com"},
            {"id": "a0000001-0000-4000-8000-000000000007", "userPrincipalName": "max_fabrikam.com#EXT#@contoso.onmicrosoft.com",
             "externalUserState": "Accepted", "creationType": "Invitation"}
          ],
          "groups": [
            {"id": "b0000002-0000-4000-8000-000000000001", "displayName": "Tier0 Admins", "isAssignableToRole": true,
             "membersUnreadable": true, "members": ["ada.admin@contoso.com"]}
          ],
          "customRoles": [{"id": "c0570000-0000-4000-8000-00000000c001", "displayName": "Contoso Password Reviewer"}],
          "roles": [
            {"role": "Global Administrator", "principal": "Tier0 Admins"},
            {"role": "Contoso Password Reviewer", "principal": "carl.custom@contoso.com"},
            {"role": "Helpdesk Administrator", "principal": "aura.unit@contoso.com", "scope": "/administrativeUnits/ae000000-0000-4000-8000-0000000000a1"}
          ]
        }
        """;

    private string _file = "";
    private SimulatorTestHost _sim = null!;

    public async Task InitializeAsync()
    {
        _file = Path.Combine(Path.GetTempPath(), $"admin-status-{Guid.NewGuid():n}.json");
        await File.WriteAllTextAsync(_file, Scenario);
        _sim = await SimulatorTestHost.StartAsync(_file);
    }

    public async Task DisposeAsync()
    {
        await _sim.DisposeAsync();
        File.Delete(_file);
    }

    [Fact]
    public async Task Scoped_assignment_carries_its_administrative_unit_as_directoryScopeId()
    {
        var body = await _sim.GetJsonAsync($"/v1.0/roleManagement/directory/roleAssignments?$filter=principalId eq '{Aura}'");

        var assignment = Assert.Single(body["value"]!.AsArray())!;
        Assert.Equal(Unit, assignment["directoryScopeId"]!.GetValue<string>());
        Assert.Equal(HelpdeskRole, assignment["roleDefinitionId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Scoped_assignment_is_no_directory_role_membership()
    {
        var body = await _sim.GetJsonAsync($"/v1.0/users/{Aura}/transitiveMemberOf");

        Assert.Empty(body["value"]!.AsArray());
    }

    [Fact]
    public async Task Custom_role_definition_is_listed_with_isBuiltIn_false()
    {
        var body = await _sim.GetJsonAsync("/v1.0/roleManagement/directory/roleDefinitions?$filter=isBuiltIn eq false");

        var role = Assert.Single(body["value"]!.AsArray())!;
        Assert.Equal((CustomRoleId, "Contoso Password Reviewer", CustomRoleId), (role["id"]!.GetValue<string>(), role["displayName"]!.GetValue<string>(), role["templateId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Custom_role_assignment_expands_its_definition()
    {
        var body = await _sim.GetJsonAsync($"/v1.0/roleManagement/directory/roleAssignments?$filter=principalId eq '{Carl}'&$expand=roleDefinition");

        var assignment = Assert.Single(body["value"]!.AsArray())!;
        Assert.Equal(CustomRoleId, assignment["roleDefinitionId"]!.GetValue<string>());
        Assert.False(assignment["roleDefinition"]!["isBuiltIn"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("members")]
    [InlineData("transitiveMembers")]
    public async Task Members_of_an_unreadable_group_answer_403_Authorization_RequestDenied(string segment)
    {
        using var response = await _sim.GetAsync($"/v1.0/groups/{HiddenGroup}/{segment}");

        var body = await GraphAssert.ErrorAsync(response, HttpStatusCode.Forbidden, "Authorization_RequestDenied");
        Assert.Equal("Insufficient privileges to complete the operation.", body["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unreadable_group_itself_and_its_role_assignment_stay_readable()
    {
        var group = await _sim.GetJsonAsync($"/v1.0/groups/{HiddenGroup}");
        var assignments = await _sim.GetJsonAsync($"/v1.0/roleManagement/directory/roleAssignments?$filter=principalId eq '{HiddenGroup}'");

        Assert.Equal("Tier0 Admins", group["displayName"]!.GetValue<string>());
        Assert.Single(assignments["value"]!.AsArray());
    }

    [Fact]
    public async Task External_user_state_and_creation_type_are_returned_only_on_select()
    {
        var plain = await _sim.GetJsonAsync($"/v1.0/users/{Max}");
        var selected = await _sim.GetJsonAsync($"/v1.0/users/{Max}?$select=id,userType,externalUserState,creationType");

        Assert.False(plain.ContainsKey("externalUserState"));
        Assert.False(plain.ContainsKey("creationType"));
        Assert.Equal(("Member", "Accepted", "Invitation"),
            (selected["userType"]!.GetValue<string>(), selected["externalUserState"]!.GetValue<string>(), selected["creationType"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_member_created_without_invitation_has_null_external_properties()
    {
        var user = await _sim.GetJsonAsync($"/v1.0/users/{Aura}?$select=externalUserState,creationType");

        Assert.True(user.ContainsKey("externalUserState"));
        Assert.Null(user["externalUserState"]);
        Assert.Null(user["creationType"]);
    }
}
