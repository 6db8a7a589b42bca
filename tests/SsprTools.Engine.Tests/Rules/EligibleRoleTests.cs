using SsprTools.Engine.Facts;
using SsprTools.Engine.Findings;
using SsprTools.Engine.Rules;
using SsprTools.Model;
using static SsprTools.Engine.Tests.Rules.Scenario;

namespace SsprTools.Engine.Tests.Rules;

public class EligibleRoleTests
{
    private static TenantFacts SwitchOff() => Tenant() with { AllowedToUseSspr = Read(false, "/policies/authorizationPolicy") };

    [Fact]
    public void Eligible_only_admin_is_judged_by_the_user_policy()
    {
        var prediction = Predict(SwitchOff(), Member().WithEligibleRoles(Role("Global Administrator")));

        Assert.Equal(PredictionOutcome.Succeeds, prediction.Outcome);
        Assert.False(prediction.IsAdmin);
        Assert.Empty(prediction.AdminRoles);
        Assert.Equal(["Global Administrator"], prediction.EligibleAdminRoles);
    }

    [Fact]
    public void Eligible_only_admin_is_warned_what_activation_would_cause()
    {
        var finding = Predict(SwitchOff(), Member().WithEligibleRoles(Role("Global Administrator")))
            .Single(FindingCode.EligibleAdminRoleOnly);

        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains("Fails with SSPR_0009", finding.Message);
        Assert.StartsWith("Enable-SsprForAdmins", finding.Remediation);
    }

    [Fact]
    public void Eligible_only_admin_who_would_also_succeed_when_active_gets_information()
    {
        var finding = Predict(Tenant(), Member().WithEligibleRoles(Role("User Administrator")))
            .Single(FindingCode.EligibleAdminRoleOnly);

        Assert.Equal(FindingSeverity.Information, finding.Severity);
    }

    [Fact]
    public void Active_role_outweighs_eligibility()
    {
        var user = Admin().WithEligibleRoles(Role("Security Administrator"));

        var prediction = Predict(SwitchOff(), user);

        Assert.Equal("SSPR_0009", prediction.PredictedError);
        Assert.False(prediction.Has(FindingCode.EligibleAdminRoleOnly));
        Assert.Equal(["Security Administrator"], prediction.EligibleAdminRoles);
    }

    [Fact]
    public void Unreadable_eligibility_without_p2_does_not_change_the_verdict()
    {
        var user = Member() with
        {
            EligibleRoles = Fact.Unreadable<IReadOnlyList<AdminRoleHolding>>(
                "400 AadPremiumLicenseRequired",
                GraphCall("/roleManagement/directory/roleEligibilityScheduleInstances")),
        };

        var prediction = Predict(Tenant(), user);

        Assert.Equal(PredictionOutcome.Succeeds, prediction.Outcome);
        Assert.Equal(FindingSeverity.Information, prediction.Single(FindingCode.EligibleRolesUnreadable).Severity);
    }
}
