using SsprTools.Engine.Facts;
using SsprTools.Engine.Findings;
using SsprTools.Engine.Rules;
using SsprTools.Model;
using static SsprTools.Engine.Tests.Rules.Scenario;

namespace SsprTools.Engine.Tests.Rules;

public class AdminSwitchRuleTests
{
    private static TenantFacts SwitchOff() => Tenant() with { AllowedToUseSspr = Read(false, "/policies/authorizationPolicy") };

    [Fact]
    public void Admin_with_switch_off_fails_with_SSPR_0009()
    {
        var prediction = Predict(SwitchOff(), Admin());

        Assert.Equal(PredictionOutcome.Fails, prediction.Outcome);
        Assert.Equal("SSPR_0009", prediction.PredictedError);
        var finding = prediction.Single(FindingCode.AdminSsprDisabled);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.StartsWith("Enable-SsprForAdmins", finding.Remediation);
    }

    [Fact]
    public void Synchronized_admin_with_switch_off_fails_with_SSPR_0009_too()
    {
        var tenant = SwitchOff() with { OnPremisesSyncEnabled = Read(true, "/organization") };

        var prediction = Predict(tenant, Admin().Synced());

        Assert.Equal("SSPR_0009", prediction.PredictedError);
        Assert.True(prediction.IsSynced);
    }

    [Fact]
    public void Switch_off_evidence_names_the_value_the_call_and_the_time()
    {
        var finding = Predict(SwitchOff(), Admin()).Single(FindingCode.AdminSsprDisabled);

        Assert.Equal("allowedToUseSSPR = false; GET /v1.0/policies/authorizationPolicy at 2026-11-25T10:00:00Z", finding.Evidence);
    }

    [Fact]
    public void Switch_off_decides_even_when_registration_report_and_licences_are_unreadable()
    {
        var tenant = SwitchOff() with { SubscribedSkus = Forbidden<IReadOnlyList<SubscribedSku>>("/subscribedSkus") };
        var user = Admin() with
        {
            Registration = Fact.Unreadable<RegistrationDetails>(
                "403 Authentication_RequestFromNonPremiumTenantOrB2CTenant",
                GraphCall("/reports/authenticationMethods/userRegistrationDetails/f1847572")),
        };

        var prediction = Predict(tenant, user);

        Assert.Equal(PredictionOutcome.Fails, prediction.Outcome);
        Assert.Equal("SSPR_0009", prediction.PredictedError);
        Assert.Contains(prediction.Findings, f => f.Code == FindingCode.AdminMethodsUndetermined);
    }

    [Fact]
    public void Switch_off_does_not_affect_a_non_admin()
    {
        var prediction = Predict(SwitchOff(), Member());

        Assert.Equal(PredictionOutcome.Succeeds, prediction.Outcome);
        Assert.False(prediction.Has(FindingCode.AdminSsprDisabled));
    }

    [Fact]
    public void Admin_with_unreadable_switch_is_unknown()
    {
        var tenant = Tenant() with { AllowedToUseSspr = Forbidden<bool>("/policies/authorizationPolicy") };

        var prediction = Predict(tenant, Admin());

        Assert.Equal(PredictionOutcome.Unknown, prediction.Outcome);
        Assert.Null(prediction.PredictedError);
        Assert.Equal(FindingSeverity.Warning, prediction.Single(FindingCode.AdminSsprSwitchUnreadable).Severity);
    }

    [Fact]
    public void Unreadable_switch_before_a_certain_later_failure_still_fails_and_says_so()
    {
        var tenant = Tenant() with { AllowedToUseSspr = Forbidden<bool>("/policies/authorizationPolicy") };

        var prediction = Predict(tenant, Admin().WithMethods("email"));

        Assert.Equal(PredictionOutcome.Fails, prediction.Outcome);
        Assert.Equal("SSPR_0014", prediction.PredictedError);
        Assert.Contains("allowedToUseSSPR unreadable", prediction.Reason);
    }

    [Fact]
    public void Admin_role_through_a_group_counts()
    {
        var viaGroup = new AdminRoleHolding
        {
            RoleName = "Helpdesk Administrator",
            RoleTemplateId = "729827e3-9c14-49f7-bb1b-9608f156bbb8",
            Via = RoleAssignmentVia.Group,
            GroupName = "Helpdesk admins",
        };

        var prediction = Predict(SwitchOff(), Member().WithActiveRoles(viaGroup));

        Assert.True(prediction.IsAdmin);
        Assert.Equal(["Helpdesk Administrator"], prediction.AdminRoles);
        Assert.Equal("SSPR_0009", prediction.PredictedError);
    }
}
