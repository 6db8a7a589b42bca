using SsprTools.Engine.Catalogs;
using SsprTools.Engine.Facts;
using SsprTools.Engine.Findings;
using SsprTools.Engine.Rules;
using SsprTools.Model;
using static SsprTools.Engine.Tests.Rules.Scenario;

namespace SsprTools.Engine.Tests.Rules;

public class AdminStatusTests
{
    private static UserFacts RolesUnreadable(UserFacts user) =>
        user with { ActiveRoles = Forbidden<IReadOnlyList<AdminRoleHolding>>("/roleManagement/directory/roleAssignments") };

    [Fact]
    public void Unreadable_roles_with_both_policies_succeeding_succeeds()
    {
        var prediction = Predict(Tenant(), RolesUnreadable(Member()));

        Assert.Equal(PredictionOutcome.Succeeds, prediction.Outcome);
        Assert.Null(prediction.IsAdmin);
        Assert.True(prediction.Has(FindingCode.AdminRolesUnreadable));
    }

    [Fact]
    public void Unreadable_roles_with_switch_off_is_unknown_and_qualifies_the_admin_finding()
    {
        var tenant = Tenant() with { AllowedToUseSspr = Read(false, "/policies/authorizationPolicy") };

        var prediction = Predict(tenant, RolesUnreadable(Member()));

        Assert.Equal(PredictionOutcome.Unknown, prediction.Outcome);
        var finding = prediction.Single(FindingCode.AdminSsprDisabled);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.StartsWith("If the administrator policy applies: ", finding.Message);
    }

    [Fact]
    public void Unreadable_roles_with_both_policies_failing_predicts_the_earlier_error()
    {
        var tenant = HybridTenant() with
        {
            AllowedToUseSspr = Read(false, "/policies/authorizationPolicy"),
            PasswordWriteback = Stated(PasswordWritebackState.Disabled, "-PasswordWriteback"),
        };

        var prediction = Predict(tenant, RolesUnreadable(Member().Synced()));

        Assert.Equal(PredictionOutcome.Fails, prediction.Outcome);
        Assert.Equal("SSPR_0009", prediction.PredictedError);
        Assert.Equal(FindingSeverity.Error, prediction.Single(FindingCode.AdminSsprDisabled).Severity);
    }

    [Fact]
    public void Cloud_application_administrator_is_an_inferred_match_and_leaves_admin_status_open()
    {
        var holding = new AdminRoleHolding { RoleName = "Cloud Application Administrator", RoleTemplateId = "158c047a-c907-4556-b7ef-446551a6b5f7" };

        var prediction = Predict(Tenant(), Member().WithActiveRoles(holding));

        Assert.Null(prediction.IsAdmin);
        Assert.True(prediction.Has(FindingCode.AdminRoleMappingInferred));
        Assert.Equal(PredictionOutcome.Succeeds, prediction.Outcome);
    }

    [Fact]
    public void Role_not_on_the_list_does_not_make_an_admin()
    {
        var globalReader = new AdminRoleHolding { RoleName = "Global Reader", RoleTemplateId = "f2ef992c-3afb-46b9-b7cf-a126ee74c451" };
        var tenant = Tenant() with { AllowedToUseSspr = Read(false, "/policies/authorizationPolicy") };

        var prediction = Predict(tenant, Member().WithActiveRoles(globalReader));

        Assert.False(prediction.IsAdmin);
        Assert.Equal(PredictionOutcome.Succeeds, prediction.Outcome);
        Assert.Contains("Global Reader", prediction.Single(FindingCode.RoleNotOnAdminPolicyList).Message);
    }

    [Fact]
    public void Report_marking_an_admin_as_not_admin_is_only_noted()
    {
        var user = Admin().WithRegistration(Registered("email", "mobilePhone") with { IsAdmin = false });

        var prediction = Predict(Tenant(), user);

        Assert.True(prediction.IsAdmin);
        Assert.Equal(FindingSeverity.Information, prediction.Single(FindingCode.RegistrationReportAdminMismatch).Severity);
    }

    private static TenantFacts SwitchOff() => Tenant() with { AllowedToUseSspr = Read(false, "/policies/authorizationPolicy") };

    private static AdminRoleHolding GlobalReader => new() { RoleName = "Global Reader", RoleTemplateId = "f2ef992c-3afb-46b9-b7cf-a126ee74c451", IsBuiltIn = true };

    private const string UnreadGroup = "members of role-assignable group 'Tier0 Admins' (b0000002-0000-4000-8000-000000000001) could not be read (403 Authorization_RequestDenied)";

    [Fact]
    public void Direct_global_reader_with_an_unread_role_group_is_undecided_not_a_success()
    {
        var user = Member().WithActiveRoles(GlobalReader) with { RoleListIncomplete = UnreadGroup };

        var prediction = Predict(SwitchOff(), user);

        Assert.Null(prediction.IsAdmin);
        Assert.Equal(PredictionOutcome.Unknown, prediction.Outcome);
        var finding = prediction.Single(FindingCode.AdminRoleListIncomplete);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains("Tier0 Admins", finding.Evidence);
    }

    [Fact]
    public void Certain_listed_role_stays_admin_although_a_role_group_was_unread()
    {
        var user = Admin() with { RoleListIncomplete = UnreadGroup };

        var prediction = Predict(SwitchOff(), user);

        Assert.True(prediction.IsAdmin);
        Assert.Equal(("Fails", "SSPR_0009"), (prediction.Outcome, prediction.PredictedError));
        Assert.Equal(FindingSeverity.Information, prediction.Single(FindingCode.AdminRoleListIncomplete).Severity);
    }

    [Fact]
    public void Custom_role_leaves_admin_status_open()
    {
        var custom = new AdminRoleHolding { RoleName = "Contoso Password Reviewer", RoleTemplateId = "c0570000-0000-4000-8000-00000000c001", IsBuiltIn = false };

        var prediction = Predict(SwitchOff(), Member().WithActiveRoles(custom));

        Assert.Null(prediction.IsAdmin);
        Assert.Equal(PredictionOutcome.Unknown, prediction.Outcome);
        Assert.Contains("does not address custom roles", prediction.Single(FindingCode.CustomRoleNotAddressed).Message);
        Assert.False(prediction.Has(FindingCode.RoleNotOnAdminPolicyList));
    }

    [Fact]
    public void Custom_role_named_like_a_listed_role_is_not_that_role()
    {
        var custom = new AdminRoleHolding { RoleName = "Mailbox Administrator", RoleTemplateId = "c0570000-0000-4000-8000-00000000c002", IsBuiltIn = false };

        Assert.Null(AdminRoleCatalog.Match(custom));
        Assert.Null(Predict(Tenant(), Member().WithActiveRoles(custom)).IsAdmin);
    }

    [Fact]
    public void Built_in_role_newer_than_the_list_leaves_admin_status_open()
    {
        // Teams Reader: added August 2025 (role-based-access-control/whats-new.md), after the list's 05/15/2025 review.
        var teamsReader = new AdminRoleHolding { RoleName = "Teams Reader", RoleTemplateId = "1076ac91-f3d9-41a7-a339-dcdf5f480acc", IsBuiltIn = true };

        var prediction = Predict(SwitchOff(), Member().WithActiveRoles(teamsReader));

        Assert.Null(prediction.IsAdmin);
        Assert.Equal(PredictionOutcome.Unknown, prediction.Outcome);
        Assert.Contains("1076ac91-f3d9-41a7-a339-dcdf5f480acc", prediction.Single(FindingCode.BuiltInRoleNewerThanPolicyList).Evidence);
    }

    [Theory]
    [MemberData(nameof(KnownUnlisted))]
    public void Built_in_role_that_existed_before_the_list_and_is_not_on_it_is_not_admin(string name, string templateId)
    {
        var holding = new AdminRoleHolding { RoleName = name, RoleTemplateId = templateId, IsBuiltIn = true };

        var prediction = Predict(SwitchOff(), Member().WithActiveRoles(holding));

        Assert.False(prediction.IsAdmin);
        Assert.Equal(PredictionOutcome.Succeeds, prediction.Outcome);
        Assert.Contains(name, prediction.Single(FindingCode.RoleNotOnAdminPolicyList).Message);
    }

    public static TheoryData<string, string> KnownUnlisted()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in UnlistedBuiltInRoles.Roles)
        {
            data.Add(role.Name, role.TemplateId);
        }

        return data;
    }

    [Fact]
    public void Unlisted_table_and_the_policy_list_share_no_role()
    {
        var listed = AdminRoleCatalog.Roles.Where(r => r.TemplateId is not null).Select(r => r.TemplateId!).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.DoesNotContain(UnlistedBuiltInRoles.Roles, r => listed.Contains(r.TemplateId));
        Assert.Equal(UnlistedBuiltInRoles.Roles.Count, UnlistedBuiltInRoles.Roles.Select(r => r.TemplateId).Distinct().Count());
        Assert.All(UnlistedBuiltInRoles.Roles, r => Assert.True(Guid.TryParse(r.TemplateId, out _), r.Name));
    }

    [Fact]
    public void Listed_role_held_only_for_an_administrative_unit_leaves_admin_status_open()
    {
        var scoped = new AdminRoleHolding
        {
            RoleName = "Helpdesk Administrator", RoleTemplateId = "729827e3-9c14-49f7-bb1b-9608f156bbb8",
            DirectoryScopeId = "/administrativeUnits/ae000000-0000-4000-8000-0000000000a1",
        };

        var prediction = Predict(SwitchOff(), Member().WithActiveRoles(scoped));

        Assert.Null(prediction.IsAdmin);
        Assert.Equal(PredictionOutcome.Unknown, prediction.Outcome);
        Assert.Contains("/administrativeUnits/ae000000", prediction.Single(FindingCode.AdminRoleScopedToAdministrativeUnit).Evidence);
        Assert.Equal(["Helpdesk Administrator"], prediction.AdminRoles);
    }

    [Fact]
    public void Listed_role_held_tenant_wide_stays_certain_beside_an_administrative_unit_one()
    {
        var scoped = new AdminRoleHolding
        {
            RoleName = "Helpdesk Administrator", RoleTemplateId = "729827e3-9c14-49f7-bb1b-9608f156bbb8",
            DirectoryScopeId = "/administrativeUnits/ae000000-0000-4000-8000-0000000000a1",
        };

        var prediction = Predict(SwitchOff(), Member().WithActiveRoles(scoped, Role("User Administrator")));

        Assert.True(prediction.IsAdmin);
        Assert.Equal(("Fails", "SSPR_0009"), (prediction.Outcome, prediction.PredictedError));
        Assert.False(prediction.Has(FindingCode.AdminRoleScopedToAdministrativeUnit));
    }

    [Fact]
    public void Report_marking_a_user_without_a_listed_role_as_admin_leaves_admin_status_open()
    {
        var user = Member().WithRegistration(Registered("email", "mobilePhone") with { IsAdmin = true });

        var prediction = Predict(SwitchOff(), user);

        Assert.Null(prediction.IsAdmin);
        Assert.Equal(PredictionOutcome.Unknown, prediction.Outcome);
        Assert.Equal(FindingSeverity.Warning, prediction.Single(FindingCode.RegistrationReportAdminMismatch).Severity);
    }

    [Fact]
    public void Report_marking_an_eligible_admin_as_admin_is_explained_by_the_eligible_role()
    {
        var user = Member().WithEligibleRoles(Role("Global Administrator")).WithRegistration(Registered("email", "mobilePhone") with { IsAdmin = true });

        var prediction = Predict(Tenant(), user);

        Assert.False(prediction.IsAdmin);
        Assert.False(prediction.Has(FindingCode.RegistrationReportAdminMismatch));
    }
}
