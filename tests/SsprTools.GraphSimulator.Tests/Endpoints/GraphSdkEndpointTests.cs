using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;

namespace SsprTools.GraphSimulator.Tests.Endpoints;

/// <summary>The Microsoft Graph .NET SDK (GraphServiceClient, PageIterator, BatchRequestContentCollection) reads every simulated endpoint.</summary>
public sealed class GraphSdkEndpointTests : IAsyncLifetime
{
    private SimulatorTestHost _sim = null!;
    private GraphServiceClient _graph = null!;

    public async Task InitializeAsync()
    {
        _sim = await SimulatorTestHost.StartAsync();
        _graph = GraphSdkTests.Client(_sim.Host);
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task PageIterator_walks_all_users()
    {
        var first = await _graph.Users.GetAsync(r =>
        {
            r.QueryParameters.Top = 3;
            r.QueryParameters.Select = ["id", "userPrincipalName", "onPremisesSyncEnabled", "onPremisesImmutableId", "accountEnabled", "userType"];
        });
        var users = new List<User>();
        var iterator = PageIterator<User, UserCollectionResponse>.CreatePageIterator(_graph, first!, u =>
        {
            users.Add(u);
            return true;
        });
        await iterator.IterateAsync();
        Assert.Equal(Seed.UserCount, users.Select(u => u.Id).Distinct().Count());
        Assert.Contains(users, u => u.OnPremisesSyncEnabled == true && u.OnPremisesImmutableId is not null);
        Assert.Contains(users, u => u.AccountEnabled == false);
        Assert.Contains(users, u => u.UserType == "Guest");
    }

    [Fact]
    public async Task Users_filter_and_count_with_consistency_level()
    {
        var page = await _graph.Users.GetAsync(r =>
        {
            r.QueryParameters.Filter = $"userPrincipalName in ('{Seed.GlobalAdminUpn}', '{Seed.GroupAdminUpn}')";
            r.QueryParameters.Count = true;
            r.Headers.Add("ConsistencyLevel", "eventual");
        });
        Assert.Equal(2, page!.OdataCount);
        var guest = await _graph.Users[Seed.GuestUpn].GetAsync(r => r.QueryParameters.Select = ["id", "userType"]);
        Assert.Equal(Seed.Guest, guest!.Id);
    }

    [Fact]
    public async Task Membership_casts_in_the_sdk_spelling()
    {
        var roles = await _graph.Users[Seed.GroupAdminUpn].TransitiveMemberOf.GraphDirectoryRole.GetAsync();
        Assert.Equal(Seed.UserAdministratorRole, Assert.Single(roles!.Value!).RoleTemplateId);
        var groups = await _graph.Users[Seed.GroupAdmin].TransitiveMemberOf.GraphGroup.GetAsync(r => r.QueryParameters.Select = ["id", "isAssignableToRole"]);
        Assert.Contains(groups!.Value!, g => g.IsAssignableToRole == true);
        var direct = await _graph.Users[Seed.GlobalAdmin].MemberOf.GetAsync();
        Assert.Contains(direct!.Value!, o => o is DirectoryRole);
        Assert.Contains(direct.Value!, o => o is Group);
        var count = await _graph.Users[Seed.GlobalAdmin].TransitiveMemberOf.GraphDirectoryRole.Count.GetAsync(r => r.Headers.Add("ConsistencyLevel", "eventual"));
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task Groups_and_directory_roles()
    {
        var group = await _graph.Groups[Seed.RoleGroup].GetAsync();
        Assert.True(group!.IsAssignableToRole);
        var members = await _graph.Groups[Seed.RoleGroup].Members.GetAsync();
        Assert.IsType<User>(Assert.Single(members!.Value!));
        var transitive = await _graph.Groups[Seed.AllStaff].TransitiveMembers.GetAsync();
        Assert.Equal(7, transitive!.Value!.Count);

        var roles = await _graph.DirectoryRoles.GetAsync();
        Assert.Equal(3, roles!.Value!.Count);
        var globalAdmin = roles.Value.Single(r => r.RoleTemplateId == Seed.GlobalAdministratorRole);
        var holders = await _graph.DirectoryRoles[globalAdmin.Id].Members.GetAsync();
        Assert.Equal(Seed.GlobalAdmin, Assert.Single(holders!.Value!).Id);
        var byTemplate = await _graph.DirectoryRolesWithRoleTemplateId(Seed.HelpdeskAdministratorRole).GetAsync();
        Assert.Equal("Helpdesk Administrator", byTemplate!.DisplayName);
    }

    [Fact]
    public async Task Role_management_and_pim()
    {
        var definitions = await _graph.RoleManagement.Directory.RoleDefinitions.GetAsync();
        Assert.All(definitions!.Value!, d => Assert.Equal(d.Id, d.TemplateId));
        var assignments = await _graph.RoleManagement.Directory.RoleAssignments.GetAsync(r =>
        {
            r.QueryParameters.Filter = $"principalId eq '{Seed.GlobalAdmin}'";
            r.QueryParameters.Expand = ["roleDefinition"];
        });
        Assert.Equal("Global Administrator", Assert.Single(assignments!.Value!).RoleDefinition!.DisplayName);
        var eligibility = await _graph.RoleManagement.Directory.RoleEligibilitySchedules.GetAsync();
        Assert.Equal(Seed.PimAdmin, Assert.Single(eligibility!.Value!).PrincipalId);
        var eligibleInstances = await _graph.RoleManagement.Directory.RoleEligibilityScheduleInstances.GetAsync();
        Assert.Equal("Direct", Assert.Single(eligibleInstances!.Value!).MemberType);
        var active = await _graph.RoleManagement.Directory.RoleAssignmentScheduleInstances.GetAsync(r => r.QueryParameters.Filter = "memberType eq 'Group'");
        Assert.Equal(Seed.GroupAdmin, Assert.Single(active!.Value!).PrincipalId);
    }

    [Fact]
    public async Task Registration_report_and_authentication_methods()
    {
        var details = await _graph.Reports.AuthenticationMethods.UserRegistrationDetails.GetAsync(r => r.QueryParameters.Filter = "isAdmin eq true");
        Assert.Equal(3, details!.Value!.Count);
        Assert.All(details.Value, d => Assert.Equal(SignInUserType.Member, d.UserType));
        var one = await _graph.Reports.AuthenticationMethods.UserRegistrationDetails[Seed.Helpdesk].GetAsync();
        Assert.False(one!.IsSsprRegistered);

        var methods = await _graph.Users[Seed.CloudUser].Authentication.Methods.GetAsync();
        Assert.Contains(methods!.Value!, m => m is PasswordAuthenticationMethod);
        Assert.Contains(methods.Value!, m => m is EmailAuthenticationMethod);
        Assert.Contains(methods.Value!, m => m is MicrosoftAuthenticatorAuthenticationMethod);
        Assert.Contains(methods.Value!, m => m is Fido2AuthenticationMethod);
    }

    [Fact]
    public async Task Organization_skus_and_sync()
    {
        var org = Assert.Single((await _graph.Organization.GetAsync())!.Value!);
        Assert.True(org.OnPremisesSyncEnabled);
        Assert.Contains(org.VerifiedDomains!, d => d.IsInitial == true);
        var skus = await _graph.SubscribedSkus.GetAsync();
        Assert.Contains(skus!.Value!, s => s.SkuPartNumber == "AAD_PREMIUM");
        var sync = await _graph.Directory.OnPremisesSynchronization.GetAsync();
        Assert.True(Assert.Single(sync!.Value!).Features!.PasswordSyncEnabled);
        var syncById = await _graph.Directory.OnPremisesSynchronization[Seed.TenantId].GetAsync();
        Assert.Equal(Seed.TenantId, syncById!.Id);
    }

    [Fact]
    public async Task BatchRequestContentCollection_round_trips()
    {
        var batch = new BatchRequestContentCollection(_graph);
        var policyStep = await batch.AddBatchRequestStepAsync(_graph.Policies.AuthorizationPolicy.ToGetRequestInformation());
        var userStep = await batch.AddBatchRequestStepAsync(_graph.Users[Seed.GlobalAdmin].ToGetRequestInformation(r => r.QueryParameters.Select = ["id", "onPremisesSyncEnabled"]));
        var rolesStep = await batch.AddBatchRequestStepAsync(_graph.Users[Seed.GlobalAdmin].TransitiveMemberOf.GraphDirectoryRole.ToGetRequestInformation());
        var missingStep = await batch.AddBatchRequestStepAsync(_graph.Users["nobody@contoso.com"].ToGetRequestInformation());

        var response = await _graph.Batch.PostAsync(batch);
        var policy = await response.GetResponseByIdAsync<AuthorizationPolicy>(policyStep);
        Assert.False(policy.AllowedToUseSSPR);
        var user = await response.GetResponseByIdAsync<User>(userStep);
        Assert.True(user.OnPremisesSyncEnabled);
        var roles = await response.GetResponseByIdAsync<DirectoryRoleCollectionResponse>(rolesStep);
        Assert.Single(roles.Value!);
        var statuses = await response.GetResponsesStatusCodesAsync();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, statuses[missingStep]);
        Assert.Equal(4, _sim.Host.Journal.Entries.Count(e => e.InBatch));
    }

    [Fact]
    public async Task Beta_policy_through_the_sdk_base_url()
    {
        var beta = GraphSdkTests.Client(_sim.Host, version: "beta");
        var policy = await beta.Policies.AuthorizationPolicy.GetAsync();
        Assert.Equal("authorizationPolicy", policy!.Id);
    }
}
