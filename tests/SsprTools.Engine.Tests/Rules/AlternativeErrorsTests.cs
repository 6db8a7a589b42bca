using SsprTools.Engine.Catalogs;
using SsprTools.Engine.Facts;
using SsprTools.Engine.Findings;
using SsprTools.Engine.Rules;
using SsprTools.Model;
using static SsprTools.Engine.Tests.Rules.Scenario;

namespace SsprTools.Engine.Tests.Rules;

/// <summary>A certain failure whose SSPR code is one of several: PredictedError keeps the code of the failing check,
/// AlternativeErrors lists the others in portal order, and Reason names them all.</summary>
public class AlternativeErrorsTests
{
    private static TenantFacts WithPolicy(SsprUserPolicyScope scope) =>
        Tenant() with { UserPolicyScope = Stated(scope, "-SsprUserPolicy") };

    private static UserFacts NotEnabled() => Member().WithRegistration(Registered("email") with { IsSsprEnabled = false, IsSsprCapable = false });

    [Fact]
    public void User_policy_none_fails_naming_SSPR_0009_and_SSPR_0011()
    {
        var prediction = Predict(WithPolicy(SsprUserPolicyScope.None), Member());

        Assert.Equal((PredictionOutcome.Fails, "SSPR_0009"), (prediction.Outcome, prediction.PredictedError));
        Assert.Equal(["SSPR_0011"], prediction.AlternativeErrors);
        Assert.Contains("SSPR_0009 or SSPR_0011", prediction.Reason);
        Assert.Contains("SSPR_0011", prediction.Single(FindingCode.UserSsprPolicyDisabled).Message);
    }

    [Fact]
    public void Not_enabled_with_unstated_policy_keeps_SSPR_0013_and_names_what_policy_None_would_show()
    {
        var prediction = Predict(Tenant(), NotEnabled());

        Assert.Equal("SSPR_0013", prediction.PredictedError);
        Assert.Equal(["SSPR_0009", "SSPR_0011"], prediction.AlternativeErrors);
        Assert.Contains("SSPR_0013 or SSPR_0009 or SSPR_0011", prediction.Reason);
    }

    [Fact]
    public void Stated_policy_selected_makes_SSPR_0013_certain()
    {
        var prediction = Predict(WithPolicy(SsprUserPolicyScope.Selected), NotEnabled());

        Assert.Equal("SSPR_0013", prediction.PredictedError);
        Assert.Empty(prediction.AlternativeErrors);
        Assert.DoesNotContain("SSPR_0009", prediction.Reason);
    }

    [Fact]
    public void Undecided_earlier_check_adds_its_code()
    {
        // The admin switch could not be read (SSPR_0009 if off), and the admin has one method of two (SSPR_0014 for certain).
        var tenant = Tenant() with { AllowedToUseSspr = Forbidden<bool>("/policies/authorizationPolicy") };

        var prediction = Predict(tenant, Admin().WithMethods("email"));

        Assert.Equal("SSPR_0014", prediction.PredictedError);
        Assert.Equal(["SSPR_0009"], prediction.AlternativeErrors);
        Assert.Contains("not decided before it", prediction.Reason);
    }

    [Fact]
    public void Undecided_earlier_check_without_a_documented_code_adds_none()
    {
        // Microsoft documents no error for a disabled account.
        var user = Admin().WithMethods("email") with { AccountEnabled = Read(false, "/users/f1847572") };

        var prediction = Predict(Tenant(), user);

        Assert.Equal("SSPR_0014", prediction.PredictedError);
        Assert.Empty(prediction.AlternativeErrors);
    }

    [Fact]
    public void Two_failing_policies_with_different_codes_name_both_when_admin_status_is_undecided()
    {
        // Roles unreadable: the administrator policy fails with SSPR_0009 (switch off), the user policy with SSPR_0013.
        var tenant = Tenant() with { AllowedToUseSspr = Read(false, "/policies/authorizationPolicy"), UserPolicyScope = Stated(SsprUserPolicyScope.Selected, "-SsprUserPolicy") };
        var user = NotEnabled() with { ActiveRoles = Forbidden<IReadOnlyList<AdminRoleHolding>>("/roleManagement/directory/roleAssignments") };

        var prediction = Predict(tenant, user);

        Assert.Null(prediction.IsAdmin);
        Assert.Equal((PredictionOutcome.Fails, "SSPR_0009"), (prediction.Outcome, prediction.PredictedError));
        Assert.Equal(["SSPR_0013"], prediction.AlternativeErrors);
        Assert.Contains("SSPR_0009 or SSPR_0013", prediction.Reason);
    }

    [Fact]
    public void Certain_failure_has_no_alternatives()
    {
        var prediction = Predict(Tenant() with { AllowedToUseSspr = Read(false, "/policies/authorizationPolicy") }, Admin());

        Assert.Equal("SSPR_0009", prediction.PredictedError);
        Assert.Empty(prediction.AlternativeErrors);
        Assert.DoesNotContain(" or SSPR_", prediction.Reason);
    }

    [Fact]
    public void Alternatives_appear_only_on_failures_in_portal_order_without_the_predicted_code()
    {
        Assert.All(PredictionInvariantTests.Samples(false), s =>
        {
            var p = s.Prediction;
            if (p.Outcome != PredictionOutcome.Fails)
            {
                Assert.Empty(p.AlternativeErrors);
                return;
            }

            Assert.DoesNotContain(p.PredictedError, p.AlternativeErrors);
            Assert.Equal(p.AlternativeErrors.Distinct().OrderBy(SsprErrorCode.CheckOrder), p.AlternativeErrors);
            Assert.All(p.AlternativeErrors, code => Assert.Contains(code, p.Reason));
        });
    }
}
