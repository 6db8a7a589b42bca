using SsprTools.Engine.Facts;
using SsprTools.Engine.Findings;
using SsprTools.Engine.Rules;
using SsprTools.Model;
using static SsprTools.Engine.Tests.Rules.Scenario;

namespace SsprTools.Engine.Tests.Rules;

public class AdminMethodsRuleTests
{
    [Fact]
    public void Admin_with_one_method_in_two_gate_tenant_fails_with_SSPR_0014()
    {
        var prediction = Predict(Tenant(), Admin().WithMethods("mobilePhone"));

        Assert.Equal("SSPR_0014", prediction.PredictedError);
        var finding = prediction.Single(FindingCode.AdminTooFewMethods);
        Assert.Contains("https://aka.ms/ssprsetup", finding.Remediation);
        Assert.Contains("two-gate: a custom domain is configured", finding.Message);
    }

    [Fact]
    public void Admin_with_two_methods_succeeds_and_lists_them()
    {
        var prediction = Predict(Tenant(), Admin().WithMethods("mobilePhone", "email"));

        Assert.Equal(PredictionOutcome.Succeeds, prediction.Outcome);
        Assert.Contains("email, mobile phone", prediction.Single(FindingCode.AdminMethodsCounted).Message);
    }

    [Fact]
    public void Security_questions_never_count_for_admins()
    {
        var prediction = Predict(Tenant(), Admin().WithMethods("securityQuestion", "email"));

        Assert.Equal("SSPR_0014", prediction.PredictedError);
        Assert.Contains("security questions never count", prediction.Single(FindingCode.AdminTooFewMethods).Message);
    }

    private static Fact<IReadOnlyList<RegisteredAuthenticationMethod>> LiveMethods(params string[] types) =>
        Read<IReadOnlyList<RegisteredAuthenticationMethod>>(
            types.Select(t => new RegisteredAuthenticationMethod("#microsoft.graph." + t)).ToList(), "/users/f1847572/authentication/methods");

    [Fact]
    public void Authenticator_push_and_software_code_in_the_report_are_one_or_two_gates()
    {
        // The code may be the app's own (notification OR code) or a third-party OATH app: undecided for a two-gate admin.
        var prediction = Predict(Tenant(), Admin().WithMethods("microsoftAuthenticatorPush", "softwareOneTimePasscode"));

        Assert.Equal(PredictionOutcome.Unknown, prediction.Outcome);
        Assert.Contains("third-party OATH app", prediction.Single(FindingCode.AdminMethodsUndetermined).Message);
    }

    [Fact]
    public void Authenticator_push_and_software_code_decide_nothing_when_another_method_makes_two()
    {
        var prediction = Predict(Tenant(), Admin().WithMethods("microsoftAuthenticatorPush", "softwareOneTimePasscode", "email"));

        Assert.Equal(PredictionOutcome.Succeeds, prediction.Outcome);
        Assert.Contains("counted once", prediction.Single(FindingCode.AdminMethodsCounted).Message);
    }

    [Fact]
    public void Authenticator_and_software_oath_in_the_methods_api_are_one_or_two_gates()
    {
        var user = Admin() with
        {
            Registration = Forbidden<RegistrationDetails>("/reports/authenticationMethods/userRegistrationDetails/f1847572"),
            AuthenticationMethods = LiveMethods("microsoftAuthenticatorAuthenticationMethod", "softwareOathAuthenticationMethod"),
        };

        var prediction = Predict(Tenant(), user);

        Assert.Equal(PredictionOutcome.Unknown, prediction.Outcome);
        Assert.Contains("third-party OATH app", prediction.Single(FindingCode.AdminMethodsUndetermined).Message);
    }

    [Fact]
    public void Methods_api_without_a_software_oath_method_settles_the_report_pair_as_one_gate()
    {
        var user = Admin().WithMethods("microsoftAuthenticatorPush", "softwareOneTimePasscode") with
        {
            AuthenticationMethods = LiveMethods("microsoftAuthenticatorAuthenticationMethod"),
        };

        Assert.Equal("SSPR_0014", Predict(Tenant(), user).PredictedError);
    }

    [Fact]
    public void Software_oath_method_without_the_authenticator_app_is_its_own_gate()
    {
        // The report unreadable, so the methods API alone counts (a live method missing from a readable report would
        // instead make the report stale: RegistrationReportStale).
        var user = Admin() with
        {
            Registration = Forbidden<RegistrationDetails>("/reports/authenticationMethods/userRegistrationDetails/f1847572"),
            AuthenticationMethods = LiveMethods("emailAuthenticationMethod", "softwareOathAuthenticationMethod"),
        };

        Assert.Equal(PredictionOutcome.Succeeds, Predict(Tenant(), user).Outcome);
    }

    [Fact]
    public void Authenticator_with_software_code_is_enough_for_a_one_gate_policy()
    {
        var tenant = Tenant() with
        {
            VerifiedDomains = Read<IReadOnlyList<VerifiedDomain>>([new VerifiedDomain("contoso.onmicrosoft.com", true)], "/organization"),
        };

        Assert.Equal(PredictionOutcome.Succeeds, Predict(tenant, Admin().WithMethods("microsoftAuthenticatorPush", "softwareOneTimePasscode")).Outcome);
    }

    [Fact]
    public void Fido2_and_windows_hello_are_not_sspr_methods()
    {
        var prediction = Predict(Tenant(), Admin().WithMethods("fido2SecurityKey", "windowsHelloForBusiness", "email"));

        Assert.Equal("SSPR_0014", prediction.PredictedError);
    }

    [Fact]
    public void Office_phone_does_not_count_for_admins_of_a_tenant_without_subscriptions()
    {
        var tenant = Tenant() with { SubscribedSkus = Read<IReadOnlyList<SubscribedSku>>([], "/subscribedSkus") };

        var prediction = Predict(tenant, Admin().WithMethods("officePhone", "email"));

        Assert.Equal("SSPR_0014", prediction.PredictedError);
        Assert.Contains("office phone does not count", prediction.Single(FindingCode.AdminTooFewMethods).Message);
    }

    [Fact]
    public void Office_phone_does_not_count_for_admins_of_a_trial()
    {
        var tenant = Tenant() with
        {
            Subscriptions = Read<IReadOnlyList<TenantSubscription>>(
                [new TenantSubscription("sku", "AAD_PREMIUM_P2", "Enabled", true, ReadAt.AddDays(-45))], "/directory/subscriptions"),
        };

        Assert.Equal("SSPR_0014", Predict(tenant, Admin().WithMethods("officePhone", "email")).PredictedError);
    }

    [Fact]
    public void Office_phone_is_undecided_for_admins_of_a_business_standard_tenant_without_entra_premium()
    {
        // "Office and mobile voice calls are also prohibited for trial or free versions": whether a paid tenant on
        // Entra ID's free edition is such a version is not said.
        var tenant = Tenant() with
        {
            SubscribedSkus = Read<IReadOnlyList<SubscribedSku>>([Sku("O365_BUSINESS_PREMIUM")], "/subscribedSkus"),
        };

        var prediction = Predict(tenant, Admin().WithMethods("officePhone", "email"));

        Assert.Equal(PredictionOutcome.Unknown, prediction.Outcome);
        Assert.Contains("office phone counts is unknown", prediction.Single(FindingCode.AdminMethodsUndetermined).Message);
    }

    [Fact]
    public void Undecided_office_phone_decides_nothing_when_two_other_methods_suffice()
    {
        var tenant = Tenant() with
        {
            SubscribedSkus = Read<IReadOnlyList<SubscribedSku>>([Sku("O365_BUSINESS_PREMIUM")], "/subscribedSkus"),
        };

        Assert.Equal(PredictionOutcome.Succeeds, Predict(tenant, Admin().WithMethods("officePhone", "email", "mobilePhone")).Outcome);
    }

    [Fact]
    public void Office_phone_counts_for_admins_of_a_paid_tenant()
    {
        Assert.Equal(PredictionOutcome.Succeeds, Predict(Tenant(), Admin().WithMethods("officePhone", "email")).Outcome);
    }

    [Fact]
    public void Office_phone_is_unknown_when_the_trial_state_is_unreadable()
    {
        var tenant = Tenant() with { Subscriptions = Forbidden<IReadOnlyList<TenantSubscription>>("/directory/subscriptions") };

        var prediction = Predict(tenant, Admin().WithMethods("officePhone", "email"));

        Assert.Equal(PredictionOutcome.Unknown, prediction.Outcome);
        Assert.True(prediction.Has(FindingCode.AdminMethodsUndetermined));
    }

    [Fact]
    public void One_method_suffices_without_custom_domain_or_sync()
    {
        var tenant = Tenant() with
        {
            VerifiedDomains = Read<IReadOnlyList<VerifiedDomain>>(
                [new VerifiedDomain("contoso.onmicrosoft.com", true), new VerifiedDomain("contoso.mail.onmicrosoft.com", false)],
                "/organization"),
        };

        var prediction = Predict(tenant, Admin().WithMethods("email"));

        Assert.Equal(PredictionOutcome.Succeeds, prediction.Outcome);
        Assert.Contains("one-gate", prediction.Single(FindingCode.AdminMethodsCounted).Message);
    }

    [Fact]
    public void Directory_sync_alone_makes_the_policy_two_gate()
    {
        var tenant = Tenant() with
        {
            VerifiedDomains = Read<IReadOnlyList<VerifiedDomain>>([new VerifiedDomain("contoso.onmicrosoft.com", true)], "/organization"),
            OnPremisesSyncEnabled = Read(true, "/organization"),
        };

        Assert.Equal("SSPR_0014", Predict(tenant, Admin().WithMethods("email")).PredictedError);
    }

    private static Fact<IReadOnlyList<TenantSubscription>> TrialSince(int days) =>
        Read<IReadOnlyList<TenantSubscription>>(
            [new TenantSubscription("sku", "AAD_PREMIUM_P2", "Enabled", true, ReadAt.AddDays(-days))], "/directory/subscriptions");

    [Fact]
    public void One_method_suffices_within_the_first_30_days_of_a_trial_without_custom_domain_or_sync()
    {
        var tenant = Tenant() with
        {
            Subscriptions = TrialSince(10),
            VerifiedDomains = Read<IReadOnlyList<VerifiedDomain>>([new VerifiedDomain("contoso.onmicrosoft.com", true)], "/organization"),
        };

        var prediction = Predict(tenant, Admin().WithMethods("email"));

        Assert.Equal(PredictionOutcome.Succeeds, prediction.Outcome);
        Assert.Contains("within the first 30 days of a trial", prediction.Single(FindingCode.AdminMethodsCounted).Message);
    }

    [Fact]
    public void Young_trial_with_a_custom_domain_needs_one_or_two_methods()
    {
        // concept-sspr-policy.md lists it under two-gate ("A custom domain is configured") and one-gate ("within the
        // first 30 days of a trial subscription").
        var prediction = Predict(Tenant() with { Subscriptions = TrialSince(10) }, Admin().WithMethods("email"));

        Assert.Equal(PredictionOutcome.Unknown, prediction.Outcome);
        var finding = prediction.Single(FindingCode.AdminMethodsUndetermined);
        Assert.Contains("1 or 2", finding.Message);
        Assert.Contains("a custom domain is configured", finding.Message);
    }

    [Fact]
    public void Young_trial_with_directory_sync_needs_one_or_two_methods()
    {
        var tenant = Tenant() with
        {
            Subscriptions = TrialSince(10),
            VerifiedDomains = Read<IReadOnlyList<VerifiedDomain>>([new VerifiedDomain("contoso.onmicrosoft.com", true)], "/organization"),
            OnPremisesSyncEnabled = Read(true, "/organization"),
        };

        var prediction = Predict(tenant, Admin().WithMethods("email"));

        Assert.Equal(PredictionOutcome.Unknown, prediction.Outcome);
        Assert.Contains("Entra Connect synchronizes", prediction.Single(FindingCode.AdminMethodsUndetermined).Message);
    }

    [Fact]
    public void Young_trial_with_a_custom_domain_decides_with_two_methods_or_none()
    {
        var tenant = Tenant() with { Subscriptions = TrialSince(10) };

        Assert.Equal(PredictionOutcome.Succeeds, Predict(tenant, Admin().WithMethods("email", "mobilePhone")).Outcome);
        Assert.Equal("SSPR_0014", Predict(tenant, Admin().WithMethods()).PredictedError);
    }

    [Fact]
    public void Trial_older_than_30_days_with_custom_domain_is_two_gate()
    {
        var tenant = Tenant() with
        {
            Subscriptions = Read<IReadOnlyList<TenantSubscription>>(
                [new TenantSubscription("sku", "AAD_PREMIUM_P2", "Enabled", true, ReadAt.AddDays(-45))], "/directory/subscriptions"),
        };

        Assert.Equal("SSPR_0014", Predict(tenant, Admin().WithMethods("email")).PredictedError);
    }

    [Fact]
    public void One_method_is_unknown_when_the_gate_count_cannot_be_decided()
    {
        var tenant = Tenant() with { VerifiedDomains = Forbidden<IReadOnlyList<VerifiedDomain>>("/organization") };

        var prediction = Predict(tenant, Admin().WithMethods("email"));

        Assert.Equal(PredictionOutcome.Unknown, prediction.Outcome);
        Assert.Contains("1 or 2", prediction.Single(FindingCode.AdminMethodsUndetermined).Message);
    }

    [Fact]
    public void No_method_fails_whatever_the_gate_count()
    {
        var tenant = Tenant() with { VerifiedDomains = Forbidden<IReadOnlyList<VerifiedDomain>>("/organization") };

        Assert.Equal("SSPR_0014", Predict(tenant, Admin().WithMethods()).PredictedError);
    }

    [Fact]
    public void Pre_populated_profile_contact_counts_for_admins()
    {
        var user = Admin().WithMethods("email") with
        {
            ProfileContact = Read(new ProfileContactInfo(true, false, false), "/users/f1847572"),
        };

        Assert.Equal(PredictionOutcome.Succeeds, Predict(Tenant(), user).Outcome);
    }

    [Fact]
    public void Authentication_methods_stand_in_for_an_unreadable_registration_report()
    {
        var user = Admin() with
        {
            Registration = Forbidden<RegistrationDetails>("/reports/authenticationMethods/userRegistrationDetails/f1847572"),
            AuthenticationMethods = Read<IReadOnlyList<RegisteredAuthenticationMethod>>(
                [
                    new RegisteredAuthenticationMethod("#microsoft.graph.phoneAuthenticationMethod", "mobile"),
                    new RegisteredAuthenticationMethod("#microsoft.graph.emailAuthenticationMethod"),
                ],
                "/users/f1847572/authentication/methods"),
        };

        Assert.Equal(PredictionOutcome.Succeeds, Predict(Tenant(), user).Outcome);
    }

    [Fact]
    public void Unreadable_methods_make_an_admin_unknown()
    {
        var user = Admin() with
        {
            Registration = Forbidden<RegistrationDetails>("/reports/authenticationMethods/userRegistrationDetails/f1847572"),
        };

        var prediction = Predict(Tenant(), user);

        Assert.Equal(PredictionOutcome.Unknown, prediction.Outcome);
        Assert.Contains("Neither the registration report", prediction.Single(FindingCode.AdminMethodsUndetermined).Message);
    }

    [Fact]
    public void Admin_policy_ignores_the_user_policy_flags_of_the_report()
    {
        var user = Admin().WithRegistration(new RegistrationDetails
        {
            MethodsRegistered = ["email", "mobilePhone"],
            IsSsprEnabled = false,
            IsSsprRegistered = false,
        });

        Assert.Equal(PredictionOutcome.Succeeds, Predict(Tenant(), user).Outcome);
    }

    // The registration report "may reflect a latency of up to 36 hours" (howto-authentication-methods-activity.md,
    // "Limitations"): a report-based SSPR_0014 is checked against the live authentication methods.

    [Fact]
    public void Report_based_failure_shows_when_the_report_row_was_last_updated()
    {
        var prediction = Predict(Tenant(), Admin().WithMethods("mobilePhone"));

        Assert.Contains("userRegistrationDetails.lastUpdatedDateTime = 2026-11-24T10:00:00Z (24 h before this read)", prediction.Single(FindingCode.AdminTooFewMethods).Evidence);
        Assert.False(prediction.Has(FindingCode.RegistrationReportUnconfirmed)); // live methods not collected: nothing claimed about them
    }

    [Fact]
    public void A_second_method_registered_after_the_report_makes_the_admin_unknown_not_SSPR_0014()
    {
        var user = Admin().WithMethods("mobilePhone").WithLiveMethods(LiveMobilePhone, LiveAuthenticator(ReadAt.AddMinutes(-20)));

        var prediction = Predict(Tenant(), user);

        Assert.Equal((PredictionOutcome.Unknown, (string?)null), (prediction.Outcome, prediction.PredictedError));
        Assert.DoesNotContain(prediction.Findings, f => f.Severity == FindingSeverity.Error);
        var stale = prediction.Single(FindingCode.RegistrationReportStale);
        Assert.Equal(FindingSeverity.Warning, stale.Severity);
        Assert.Contains("Microsoft Authenticator (createdDateTime 2026-11-25T09:40:00Z (20 min before this read))", stale.Message);
        Assert.Contains("registered after the report's last update (lastUpdatedDateTime 2026-11-24T10:00:00Z (24 h before this read))", stale.Message);
        Assert.Contains("the report has not caught up", stale.Message);
        Assert.Contains("GET /v1.0/users/f1847572/authentication/methods", stale.Evidence);
        Assert.Contains("userRegistrationDetails = ", stale.Evidence);
    }

    [Fact]
    public void Live_methods_that_agree_with_the_report_confirm_SSPR_0014()
    {
        var user = Admin().WithMethods("mobilePhone").WithLiveMethods(LiveMobilePhone, LiveFido2);

        var prediction = Predict(Tenant(), user);

        Assert.Equal((PredictionOutcome.Fails, "SSPR_0014"), (prediction.Outcome, prediction.PredictedError));
        var error = prediction.Single(FindingCode.AdminTooFewMethods);
        Assert.Contains("The live authentication methods confirm it.", error.Message);
        Assert.Contains("confirmed live: authentication methods = [#microsoft.graph.phoneAuthenticationMethod (mobile), #microsoft.graph.fido2AuthenticationMethod]", error.Evidence);
        Assert.False(prediction.Has(FindingCode.RegistrationReportStale));
    }

    [Fact]
    public void A_new_method_that_still_leaves_too_few_confirms_SSPR_0014_and_says_so()
    {
        var user = Admin().WithMethods().WithLiveMethods(LiveEmail);

        var prediction = Predict(Tenant(), user);

        Assert.Equal("SSPR_0014", prediction.PredictedError);
        Assert.Contains("counting email, which the report does not list yet", prediction.Single(FindingCode.AdminTooFewMethods).Message);
    }

    [Fact]
    public void Live_methods_refused_keep_SSPR_0014_and_say_what_to_grant()
    {
        var user = Admin().WithMethods("mobilePhone") with
        {
            AuthenticationMethods = Forbidden<IReadOnlyList<RegisteredAuthenticationMethod>>("/users/f1847572/authentication/methods"),
        };

        var prediction = Predict(Tenant(), user);

        Assert.Equal((PredictionOutcome.Fails, "SSPR_0014"), (prediction.Outcome, prediction.PredictedError));
        var unconfirmed = prediction.Single(FindingCode.RegistrationReportUnconfirmed);
        Assert.Equal(FindingSeverity.Warning, unconfirmed.Severity);
        Assert.Contains("UserAuthenticationMethod.Read.All", unconfirmed.Remediation);
        Assert.Contains("Privileged Authentication Administrator", unconfirmed.Remediation);
        Assert.Contains("authentication methods unreadable (403 Authorization_RequestDenied)", unconfirmed.Evidence);
    }

    [Fact]
    public void A_passing_report_is_not_second_guessed_by_live_methods()
    {
        var user = Admin().WithLiveMethods(LiveMobilePhone);

        Assert.Equal(PredictionOutcome.Succeeds, Predict(Tenant(), user).Outcome);
    }
}

