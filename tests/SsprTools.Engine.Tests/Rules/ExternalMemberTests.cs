using SsprTools.Engine.Facts;
using SsprTools.Engine.Findings;
using SsprTools.Engine.Rules;
using SsprTools.Model;
using static SsprTools.Engine.Tests.Rules.Scenario;

namespace SsprTools.Engine.Tests.Rules;

/// <summary>B2B collaboration users with userType Member reset in their home organization, as guests do
/// (concept-sspr-howitworks.md, "Password reset for B2B users"; user-properties.md, "External member").</summary>
public class ExternalMemberTests
{
    private static UserFacts WithSignals(UserFacts user, string? state, string? creationType) =>
        user with { ExternalUser = Read(new ExternalUserSignals(state, creationType), "/users/f1847572") };

    public static TheoryData<string, string?, string?, string> Signals => new()
    {
        { "AdeleV@contoso.com", "Accepted", null, "user.externalUserState = Accepted" },
        { "AdeleV@contoso.com", "PendingAcceptance", null, "user.externalUserState = PendingAcceptance" },
        { "AdeleV@contoso.com", null, "Invitation", "user.creationType = Invitation" },
        { "adele_fabrikam.com#EXT#@contoso.onmicrosoft.com", null, null, "contains #EXT#" },
    };

    [Theory]
    [MemberData(nameof(Signals))]
    public void Member_with_a_b2b_signal_resets_at_home_and_the_evidence_names_the_signal(string upn, string? state, string? creationType, string evidence)
    {
        var admin = WithSignals(Admin() with { UserPrincipalName = upn }, state, creationType);
        var tenant = Tenant() with { AllowedToUseSspr = Read(false, "/policies/authorizationPolicy") };

        var prediction = Predict(tenant, admin);

        Assert.Equal(PredictionOutcome.Unknown, prediction.Outcome);
        Assert.Null(prediction.PredictedError);
        var finding = prediction.Single(FindingCode.ExternalMemberResetsInHomeTenant);
        Assert.Contains(evidence, finding.Evidence);
        Assert.False(prediction.Has(FindingCode.AdminSsprDisabled));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(null, "EmailVerified")]
    public void Member_without_a_b2b_signal_is_judged_here(string? state, string? creationType)
    {
        var tenant = Tenant() with { AllowedToUseSspr = Read(false, "/policies/authorizationPolicy") };

        var prediction = Predict(tenant, WithSignals(Admin(), state, creationType));

        Assert.Equal(("Fails", "SSPR_0009"), (prediction.Outcome, prediction.PredictedError));
        Assert.False(prediction.Has(FindingCode.ExternalMemberResetsInHomeTenant));
    }

    [Fact]
    public void B2b_signal_decides_even_when_userType_is_unreadable()
    {
        var user = WithSignals(Member(), "Accepted", "Invitation") with { UserType = Forbidden<UserType>("/users/f1847572") };

        var prediction = Predict(Tenant(), user);

        Assert.Equal(PredictionOutcome.Unknown, prediction.Outcome);
        Assert.True(prediction.Has(FindingCode.ExternalMemberResetsInHomeTenant));
        Assert.False(prediction.Has(FindingCode.UserTypeUnreadable));
    }
}
