using SsprTools.Engine.Facts;
using SsprTools.Engine.Findings;
using SsprTools.Engine.Rules;
using SsprTools.Model;
using static SsprTools.Engine.Tests.Rules.Scenario;

namespace SsprTools.Engine.Tests.Rules;

public class TenantLicenceRuleTests
{
    private static TenantFacts WithSkus(TenantFacts tenant, params SubscribedSku[] skus) =>
        tenant with { SubscribedSkus = Read<IReadOnlyList<SubscribedSku>>(skus, "/subscribedSkus") };

    [Fact]
    public void Cloud_user_in_a_tenant_without_subscriptions_fails_with_SSPR_0012()
    {
        var prediction = Predict(WithSkus(Tenant()), Member());

        Assert.Equal("SSPR_0012", prediction.PredictedError);
        Assert.Contains("Business Standard", prediction.Single(FindingCode.TenantNotLicensed).Remediation);
    }

    [Fact]
    public void Business_standard_licenses_cloud_only_reset()
    {
        Assert.Equal(PredictionOutcome.Succeeds, Predict(WithSkus(Tenant(), Sku("O365_BUSINESS_PREMIUM")), Member()).Outcome);
    }

    private static TenantFacts OnTrial(TenantFacts tenant, string partNumber) =>
        tenant with
        {
            Subscriptions = Read<IReadOnlyList<TenantSubscription>>(
                [new TenantSubscription("sku", partNumber, "Enabled", true, ReadAt.AddDays(-10))], "/directory/subscriptions"),
        };

    [Fact]
    public void Microsoft_365_trial_without_entra_premium_leaves_cloud_reset_undecided()
    {
        // let-users-reset-passwords.md: "It doesn't work with Microsoft 365 trial"; no Entra page says so or names an error.
        var prediction = Predict(OnTrial(WithSkus(Tenant(), Sku("O365_BUSINESS_PREMIUM")), "O365_BUSINESS_PREMIUM"), Member());

        Assert.Equal(PredictionOutcome.Unknown, prediction.Outcome);
        var finding = prediction.Single(FindingCode.TenantLicenceUndetermined);
        Assert.Contains("doesn't work with Microsoft 365 trial", finding.Message);
        Assert.Contains("O365_BUSINESS_PREMIUM (Enabled, trial)", finding.Evidence);
    }

    [Fact]
    public void Trial_with_entra_p1_licenses_cloud_reset()
    {
        Assert.Equal(PredictionOutcome.Succeeds, Predict(OnTrial(Tenant(), "AAD_PREMIUM"), Member()).Outcome);
    }

    [Fact]
    public void Business_standard_with_unreadable_trial_state_is_undecided()
    {
        var tenant = WithSkus(Tenant(), Sku("O365_BUSINESS_PREMIUM")) with
        {
            Subscriptions = Forbidden<IReadOnlyList<TenantSubscription>>("/directory/subscriptions"),
        };

        Assert.Equal(PredictionOutcome.Unknown, Predict(tenant, Member()).Outcome);
    }

    [Fact]
    public void Microsoft_365_trial_decides_nothing_when_another_check_fails()
    {
        var tenant = OnTrial(WithSkus(Tenant(), Sku("O365_BUSINESS_PREMIUM")), "O365_BUSINESS_PREMIUM");
        var user = Member().WithRegistration(Registered() with { IsSsprRegistered = false });

        var prediction = Predict(tenant, user);

        Assert.Equal("SSPR_0014", prediction.PredictedError);
        Assert.Equal(["SSPR_0012"], prediction.AlternativeErrors);
    }

    [Fact]
    public void Business_standard_does_not_license_writeback()
    {
        var prediction = Predict(WithSkus(HybridTenant(), Sku("O365_BUSINESS_PREMIUM")), Member().Synced());

        Assert.Equal("SSPR_0012", prediction.PredictedError);
        Assert.Contains("Business Premium", prediction.Single(FindingCode.TenantNotLicensed).Remediation);
    }

    [Fact]
    public void Business_premium_licenses_writeback_even_without_plan_details()
    {
        Assert.Equal(PredictionOutcome.Succeeds, Predict(WithSkus(HybridTenant(), Sku("SPB")), Member().Synced()).Outcome);
    }

    [Fact]
    public void Entra_p1_embedded_in_a_bundle_is_found_by_service_plan()
    {
        var bundle = Sku("SPE_E3", "41781fb2-bc02-4b7c-bd55-b576c07bb09d");

        Assert.Equal(PredictionOutcome.Succeeds, Predict(WithSkus(HybridTenant(), bundle), Member().Synced()).Outcome);
    }

    [Fact]
    public void Suspended_skus_do_not_count()
    {
        var suspended = EntraP1Sku with { CapabilityStatus = "Suspended" };

        Assert.Equal("SSPR_0012", Predict(WithSkus(Tenant(), suspended), Member()).PredictedError);
    }

    [Fact]
    public void Unlisted_paid_sku_leaves_cloud_licensing_unknown()
    {
        var prediction = Predict(WithSkus(Tenant(), Sku("ENTERPRISEPACK")), Member());

        Assert.Equal(PredictionOutcome.Unknown, prediction.Outcome);
        Assert.Contains("Business Standard or higher", prediction.Single(FindingCode.TenantLicenceUndetermined).Message);
    }

    [Fact]
    public void Cloud_only_admin_in_a_free_tenant_is_not_blocked_by_licences()
    {
        Assert.Equal(PredictionOutcome.Succeeds, Predict(WithSkus(Tenant()), Admin()).Outcome);
    }

    [Fact]
    public void Synced_admin_needs_a_writeback_licence()
    {
        Assert.Equal("SSPR_0012", Predict(WithSkus(HybridTenant()), Admin().Synced()).PredictedError);
    }

    [Fact]
    public void Admin_switch_is_checked_before_licences()
    {
        var tenant = WithSkus(HybridTenant()) with { AllowedToUseSspr = Read(false, "/policies/authorizationPolicy") };

        var prediction = Predict(tenant, Admin().Synced());

        Assert.Equal("SSPR_0009", prediction.PredictedError);
        Assert.True(prediction.Has(FindingCode.TenantNotLicensed));
    }

    [Fact]
    public void Unlicensed_user_in_a_licensed_tenant_is_only_warned()
    {
        var user = Member() with { AssignedPlans = Read<IReadOnlyList<AssignedPlan>>([], "/users/f1847572") };

        var prediction = Predict(Tenant(), user);

        Assert.Equal(PredictionOutcome.Succeeds, prediction.Outcome);
        Assert.Equal(FindingSeverity.Warning, prediction.Single(FindingCode.UserWithoutEntraPremiumPlan).Severity);
    }

    [Fact]
    public void Deleted_user_plan_does_not_count_as_a_licence()
    {
        var user = Member() with
        {
            AssignedPlans = Read<IReadOnlyList<AssignedPlan>>(
                [new AssignedPlan("41781fb2-bc02-4b7c-bd55-b576c07bb09d", "Deleted", "AADPremiumService")], "/users/f1847572"),
        };

        Assert.True(Predict(Tenant(), user).Has(FindingCode.UserWithoutEntraPremiumPlan));
    }
}
