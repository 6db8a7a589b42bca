using SsprTools.Engine.Facts;
using SsprTools.Engine.Findings;
using SsprTools.Engine.Rules;
using SsprTools.Model;
using static SsprTools.Engine.Tests.Rules.Scenario;

namespace SsprTools.Engine.Tests.Rules;

public class AccountStateTests
{
    private static UserFacts Guest(UserFacts user) => user with { UserType = Read(UserType.Guest, "/users/f1847572") };

    [Fact]
    public void Guest_resets_in_the_home_tenant_and_is_unknown_here()
    {
        var prediction = Predict(Tenant(), Guest(Member()));

        Assert.Equal(PredictionOutcome.Unknown, prediction.Outcome);
        var finding = Assert.Single(prediction.Findings);
        Assert.Equal(FindingCode.GuestResetsInHomeTenant, finding.Code);
        Assert.Equal(FindingSeverity.Information, finding.Severity);
    }

    [Fact]
    public void Guest_with_an_admin_role_is_still_not_applicable_here()
    {
        var tenant = Tenant() with { AllowedToUseSspr = Read(false, "/policies/authorizationPolicy") };

        var prediction = Predict(tenant, Guest(Admin()));

        Assert.Equal(PredictionOutcome.Unknown, prediction.Outcome);
        Assert.Null(prediction.PredictedError);
    }

    [Fact]
    public void Disabled_account_is_unknown_with_a_warning_to_enable_it()
    {
        var user = Member() with { AccountEnabled = Read(false, "/users/f1847572") };

        var prediction = Predict(Tenant(), user);

        Assert.Equal(PredictionOutcome.Unknown, prediction.Outcome);
        Assert.Contains("-AccountEnabled:$true", prediction.Single(FindingCode.AccountDisabled).Remediation);
    }

    [Fact]
    public void Disabled_admin_with_switch_off_still_fails_with_SSPR_0009()
    {
        var tenant = Tenant() with { AllowedToUseSspr = Read(false, "/policies/authorizationPolicy") };
        var user = Admin() with { AccountEnabled = Read(false, "/users/f1847572") };

        var prediction = Predict(tenant, user);

        Assert.Equal("SSPR_0009", prediction.PredictedError);
        Assert.Contains("account disabled", prediction.Reason);
    }

    [Fact]
    public void Unreadable_user_type_is_flagged_and_the_member_rules_still_run()
    {
        var user = Member() with { UserType = Forbidden<UserType>("/users/f1847572") };

        var prediction = Predict(Tenant(), user);

        Assert.Equal(PredictionOutcome.Unknown, prediction.Outcome);
        Assert.True(prediction.Has(FindingCode.UserTypeUnreadable));
    }

    [Fact]
    public void Healthy_member_succeeds_without_warnings()
    {
        var prediction = Predict(Tenant(), Member());

        Assert.Equal(PredictionOutcome.Succeeds, prediction.Outcome);
        Assert.DoesNotContain(prediction.Findings, f => f.Severity != FindingSeverity.Information);
        Assert.Equal("AdeleV@contoso.com", prediction.UserPrincipalName);
    }
}
