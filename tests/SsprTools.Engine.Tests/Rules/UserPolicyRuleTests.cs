using SsprTools.Engine.Facts;
using SsprTools.Engine.Findings;
using SsprTools.Engine.Rules;
using SsprTools.Model;
using static SsprTools.Engine.Tests.Rules.Scenario;

namespace SsprTools.Engine.Tests.Rules;

public class UserPolicyRuleTests
{
    private static TenantFacts WithPolicy(SsprUserPolicyScope scope) =>
        Tenant() with { UserPolicyScope = Stated(scope, "-SsprUserPolicy") };

    private static UserFacts NotEnabled() => Member().WithRegistration(Registered("email") with { IsSsprEnabled = false, IsSsprCapable = false });

    [Fact]
    public void User_policy_none_fails_with_SSPR_0009()
    {
        var prediction = Predict(WithPolicy(SsprUserPolicyScope.None), Member());

        Assert.Equal("SSPR_0009", prediction.PredictedError);
        Assert.Contains("Selected or All", prediction.Single(FindingCode.UserSsprPolicyDisabled).Remediation);
    }

    [Fact]
    public void User_outside_the_selected_group_fails_with_SSPR_0013()
    {
        var prediction = Predict(WithPolicy(SsprUserPolicyScope.Selected), NotEnabled());

        Assert.Equal("SSPR_0013", prediction.PredictedError);
        Assert.Contains("Add the user to the group", prediction.Single(FindingCode.UserNotInSsprScope).Remediation);
    }

    [Fact]
    public void User_not_enabled_with_unstated_policy_fails_with_SSPR_0013_and_names_the_alternative()
    {
        var prediction = Predict(Tenant(), NotEnabled());

        Assert.Equal(PredictionOutcome.Fails, prediction.Outcome);
        Assert.Equal("SSPR_0013", prediction.PredictedError);
        Assert.Contains("SSPR_0009", prediction.Single(FindingCode.UserSsprPolicyUnknown).Message);
        Assert.Contains("-SsprUserPolicy", prediction.Single(FindingCode.UserSsprPolicyUnknown).Remediation);
    }

    [Fact]
    public void Policy_all_with_a_report_saying_not_enabled_is_unknown()
    {
        var prediction = Predict(WithPolicy(SsprUserPolicyScope.All), NotEnabled());

        Assert.Equal(PredictionOutcome.Unknown, prediction.Outcome);
        Assert.True(prediction.Has(FindingCode.UserSsprEnablementContradiction));
    }

    [Fact]
    public void Unregistered_user_without_contact_data_fails_with_SSPR_0014()
    {
        var user = Member().WithRegistration(Registered() with { IsSsprRegistered = false, IsSsprCapable = false });

        var prediction = Predict(Tenant(), user);

        Assert.Equal("SSPR_0014", prediction.PredictedError);
        Assert.Contains("https://aka.ms/ssprsetup", prediction.Single(FindingCode.UserNotRegistered).Remediation);
    }

    [Fact]
    public void Unregistered_user_with_a_pre_populated_mobile_phone_is_unknown()
    {
        var user = Member().WithRegistration(Registered() with { IsSsprRegistered = false }) with
        {
            ProfileContact = Read(new ProfileContactInfo(true, false, false), "/users/f1847572"),
        };

        var prediction = Predict(Tenant(), user);

        Assert.Equal(PredictionOutcome.Unknown, prediction.Outcome);
        Assert.True(prediction.Has(FindingCode.UserRegistrationUndetermined));
    }

    [Fact]
    public void Non_admin_with_unreadable_registration_report_is_unknown_with_one_finding()
    {
        var user = Member() with
        {
            Registration = Fact.Unreadable<RegistrationDetails>(
                "403 Authentication_RequestFromNonPremiumTenantOrB2CTenant",
                GraphCall("/reports/authenticationMethods/userRegistrationDetails/f1847572")),
        };

        var prediction = Predict(Tenant(), user);

        Assert.Equal(PredictionOutcome.Unknown, prediction.Outcome);
        var finding = prediction.Single(FindingCode.RegistrationDetailsUnreadable);
        Assert.Contains("Authentication_RequestFromNonPremiumTenantOrB2CTenant", finding.Evidence);
    }

    [Fact]
    public void Stated_policy_none_decides_even_without_the_registration_report()
    {
        var user = Member() with { Registration = Forbidden<RegistrationDetails>("/reports/authenticationMethods/userRegistrationDetails/f1847572") };

        Assert.Equal("SSPR_0009", Predict(WithPolicy(SsprUserPolicyScope.None), user).PredictedError);
    }

    [Fact]
    public void Not_enabled_is_reported_before_not_registered()
    {
        var user = Member().WithRegistration(new RegistrationDetails { IsSsprEnabled = false, IsSsprRegistered = false });

        var prediction = Predict(WithPolicy(SsprUserPolicyScope.Selected), user);

        Assert.Equal("SSPR_0013", prediction.PredictedError);
        Assert.True(prediction.Has(FindingCode.UserNotRegistered));
    }
}
