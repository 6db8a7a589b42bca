using SsprTools.Engine.Facts;
using SsprTools.Engine.Model;
using SsprTools.Engine.Rules;
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
    public void Report_marking_a_non_admin_as_admin_is_noted()
    {
        var user = Member().WithRegistration(Registered("email", "mobilePhone") with { IsAdmin = true });

        Assert.True(Predict(Tenant(), user).Has(FindingCode.RegistrationReportAdminMismatch));
    }
}
