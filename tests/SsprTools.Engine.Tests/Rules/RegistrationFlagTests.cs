using SsprTools.Engine.Facts;
using SsprTools.Engine.Findings;
using SsprTools.Engine.Rules;
using SsprTools.Model;
using static SsprTools.Engine.Tests.Rules.Scenario;

namespace SsprTools.Engine.Tests.Rules;

/// <summary>A flag the registration report row leaves out (null) is unreadable, never false.</summary>
public class RegistrationFlagTests
{
    private static TenantFacts WithPolicy(SsprUserPolicyScope scope) =>
        Tenant() with { UserPolicyScope = Stated(scope, "-SsprUserPolicy") };

    [Fact]
    public void Missing_isSsprRegistered_is_unknown_not_SSPR_0014()
    {
        var prediction = Predict(Tenant(), Member().WithRegistration(Registered() with { IsSsprRegistered = null }));

        Assert.Equal(PredictionOutcome.Unknown, prediction.Outcome);
        Assert.False(prediction.Has(FindingCode.UserNotRegistered));
        var finding = prediction.Single(FindingCode.RegistrationDetailsIncomplete);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains("no value for isSsprRegistered (null)", finding.Message);
        Assert.Contains("isSsprRegistered null", finding.Evidence);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(SsprUserPolicyScope.Selected)]
    public void Missing_isSsprEnabled_is_unknown_not_SSPR_0013(SsprUserPolicyScope? scope)
    {
        var tenant = scope is { } stated ? WithPolicy(stated) : Tenant();

        var prediction = Predict(tenant, Member().WithRegistration(Registered("email") with { IsSsprEnabled = null }));

        Assert.Equal(PredictionOutcome.Unknown, prediction.Outcome);
        Assert.False(prediction.Has(FindingCode.UserNotInSsprScope));
        Assert.Contains("isSsprEnabled missing from the report", prediction.Reason);
        Assert.Contains("no value for isSsprEnabled (null)", prediction.Single(FindingCode.RegistrationDetailsIncomplete).Message);
    }

    [Fact]
    public void Missing_isSsprEnabled_under_a_stated_policy_All_is_not_needed()
    {
        var prediction = Predict(WithPolicy(SsprUserPolicyScope.All), Member().WithRegistration(Registered("email") with { IsSsprEnabled = null }));

        Assert.Equal(PredictionOutcome.Succeeds, prediction.Outcome);
    }

    [Fact]
    public void Both_missing_flags_are_named_in_one_finding()
    {
        var prediction = Predict(Tenant(), Member().WithRegistration(Registered() with { IsSsprEnabled = null, IsSsprRegistered = null }));

        Assert.Contains("no value for isSsprEnabled and isSsprRegistered (null)", prediction.Single(FindingCode.RegistrationDetailsIncomplete).Message);
    }

    [Fact]
    public void The_administrator_policy_does_not_read_the_user_policy_flags_so_missing_ones_do_not_matter()
    {
        var admin = Admin().WithRegistration(Registered("email", "mobilePhone") with { IsSsprEnabled = null, IsSsprRegistered = null, IsSsprCapable = null });

        var prediction = Predict(Tenant(), admin);

        Assert.Equal(PredictionOutcome.Succeeds, prediction.Outcome);
        Assert.False(prediction.Has(FindingCode.RegistrationDetailsIncomplete));
    }

    [Fact]
    public void Missing_isAdmin_claims_no_mismatch()
    {
        var admin = Admin().WithRegistration(Registered("email", "mobilePhone") with { IsAdmin = null });
        var reportSaysNo = Admin().WithRegistration(Registered("email", "mobilePhone") with { IsAdmin = false });

        Assert.False(Predict(Tenant(), admin).Has(FindingCode.RegistrationReportAdminMismatch));
        Assert.True(Predict(Tenant(), reportSaysNo).Has(FindingCode.RegistrationReportAdminMismatch));
    }
}
