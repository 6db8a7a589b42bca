using SsprTools.Engine.Facts;
using SsprTools.Engine.Findings;
using SsprTools.Engine.Rules;
using SsprTools.Model;
using static SsprTools.Engine.Tests.Rules.Scenario;

namespace SsprTools.Engine.Tests.Rules;

/// <summary>SSPR_0014 for users rests on the report's isSsprRegistered; the report "may reflect a latency of up to 36 hours"
/// (howto-authentication-methods-activity.md), so live authentication methods confirm it or leave it open.</summary>
public class UserRegistrationRuleTests
{
    /// <summary>Not registered, no pre-populated contact data, and the report lists only the mobile phone.</summary>
    private static UserFacts NotRegistered() =>
        Member().WithRegistration(Registered("mobilePhone") with { IsSsprRegistered = false, IsSsprCapable = false });

    [Fact]
    public void Not_registered_by_the_report_fails_with_SSPR_0014_and_shows_the_rows_age()
    {
        var prediction = Predict(Tenant(), NotRegistered());

        Assert.Equal((PredictionOutcome.Fails, "SSPR_0014"), (prediction.Outcome, prediction.PredictedError));
        Assert.Contains("lastUpdatedDateTime 2026-11-24T10:00:00Z (24 h before this read)", prediction.Single(FindingCode.UserNotRegistered).Evidence);
    }

    [Fact]
    public void A_method_registered_after_the_report_leaves_the_user_unknown()
    {
        var prediction = Predict(Tenant(), NotRegistered().WithLiveMethods(LiveMobilePhone, LiveEmail));

        Assert.Equal((PredictionOutcome.Unknown, (string?)null), (prediction.Outcome, prediction.PredictedError));
        var stale = prediction.Single(FindingCode.RegistrationReportStale);
        Assert.Contains("show email, which the registration report's methodsRegistered [mobilePhone] lacks", stale.Message);
        Assert.Contains("Whether the user policy counts them", stale.Message);
        // email has no createdDateTime, so nothing says it is newer than the row: only that the report has not caught up.
        Assert.Contains("not yet in the report, whose row was last updated 2026-11-24T10:00:00Z (24 h before this read)", stale.Message);
        Assert.False(prediction.Has(FindingCode.UserNotRegistered));
    }

    [Fact]
    public void Live_methods_the_report_already_lists_confirm_SSPR_0014()
    {
        var prediction = Predict(Tenant(), NotRegistered().WithLiveMethods(LiveMobilePhone, LiveFido2));

        Assert.Equal((PredictionOutcome.Fails, "SSPR_0014"), (prediction.Outcome, prediction.PredictedError));
        var error = prediction.Single(FindingCode.UserNotRegistered);
        Assert.Contains("The live authentication methods confirm it.", error.Message);
        Assert.Contains("confirmed live: authentication methods = ", error.Evidence);
    }

    [Fact]
    public void Authenticator_is_new_even_when_the_report_lists_a_software_one_time_passcode()
    {
        // softwareOneTimePasscode may be a third-party OATH app (userregistrationdetails.md cannot tell), so it does not
        // show that the report knew the Authenticator app.
        var user = Member().WithRegistration(Registered("softwareOneTimePasscode") with { IsSsprRegistered = false })
            .WithLiveMethods(LiveAuthenticator());

        Assert.True(Predict(Tenant(), user).Has(FindingCode.RegistrationReportStale));
    }

    [Fact]
    public void Refused_live_methods_keep_SSPR_0014_with_a_warning_naming_the_permission()
    {
        var user = NotRegistered() with
        {
            AuthenticationMethods = Forbidden<IReadOnlyList<RegisteredAuthenticationMethod>>("/users/f1847572/authentication/methods"),
        };

        var prediction = Predict(Tenant(), user);

        Assert.Equal("SSPR_0014", prediction.PredictedError);
        Assert.Contains("UserAuthenticationMethod.Read.All", prediction.Single(FindingCode.RegistrationReportUnconfirmed).Remediation);
    }

    [Fact]
    public void Live_methods_not_sent_keep_SSPR_0014_and_say_how_to_confirm_it()
    {
        var user = NotRegistered() with
        {
            AuthenticationMethods = Fact.Unreadable<IReadOnlyList<RegisteredAuthenticationMethod>>(
                "not read: this run's live confirmations are used up", new Evidence("GET /v1.0/users/{id}/authentication/methods not sent", null)),
        };

        var prediction = Predict(Tenant(), user);

        Assert.Equal("SSPR_0014", prediction.PredictedError);
        Assert.Contains("Test-SsprAdminReset -UserId AdeleV@contoso.com", prediction.Single(FindingCode.RegistrationReportUnconfirmed).Remediation);
    }

    [Fact]
    public void Outside_the_selected_group_is_not_read_again_but_shows_the_rows_age()
    {
        // The methods API says nothing about the policy's group: SSPR_0013 stands on the report, with its age in the evidence.
        var tenant = Tenant() with { UserPolicyScope = Stated(SsprUserPolicyScope.Selected, "-SsprUserPolicy") };
        var user = Member().WithRegistration(Registered("email") with { IsSsprEnabled = false }).WithLiveMethods(LiveEmail, LiveMobilePhone);

        var prediction = Predict(tenant, user);

        Assert.Equal("SSPR_0013", prediction.PredictedError);
        Assert.Contains("lastUpdatedDateTime 2026-11-24T10:00:00Z (24 h before this read)", prediction.Single(FindingCode.UserNotInSsprScope).Evidence);
    }
}
