using SsprTools.Engine.Catalogs;
using SsprTools.Engine.Facts;
using SsprTools.Engine.Findings;
using SsprTools.Engine.Rules;
using SsprTools.Model;
using static SsprTools.Engine.Tests.Rules.Scenario;

namespace SsprTools.Engine.Tests.Rules;

/// <summary>SSPR_0029 "Cause 1" (support article password-writeback-error-code-sspr-0029.md): writeback can't reset an
/// account that is or was in an on-premises protected group (adminCount = 1), and Graph can't see it.</summary>
public class OnPremisesProtectedAccountRuleTests
{
    /// <summary>Writeback enabled, nothing stated about protected groups.</summary>
    private static TenantFacts Unstated() => HybridTenant() with { OnPremisesProtectedAdmins = Fact.NotCollected<OnPremisesProtectedAdmins>() };

    private static UserFacts WithAdminCount(UserFacts user, int? adminCount) =>
        user with { OnPremisesAdminCount = Stated(adminCount, "-AdminCount") };

    [Fact]
    public void Synced_admin_with_writeback_enabled_is_unknown_until_protected_groups_are_stated()
    {
        var prediction = Predict(Unstated(), Admin().Synced());

        Assert.Equal(PredictionOutcome.Unknown, prediction.Outcome);
        var finding = prediction.Single(FindingCode.SyncedAdminProtectedGroup);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains("SSPR_0029", finding.Message);
        Assert.Contains("-Properties adminCount | Test-SsprAdminReset", finding.Remediation);
        Assert.Contains("-OnPremisesProtectedAdmins None", finding.Remediation);
    }

    [Fact]
    public void Stated_admin_count_1_fails_with_SSPR_0029_and_shows_the_statement()
    {
        var prediction = Predict(Unstated(), WithAdminCount(Admin().Synced(), 1));

        Assert.Equal((PredictionOutcome.Fails, "SSPR_0029"), (prediction.Outcome, prediction.PredictedError));
        Assert.Empty(prediction.AlternativeErrors);
        var finding = prediction.Single(FindingCode.OnPremisesProtectedAccount);
        Assert.Contains("adminCount = 1; parameter -AdminCount", finding.Evidence);
        Assert.Contains("by design", finding.Remediation);
    }

    [Fact]
    public void Stated_admin_count_1_outweighs_the_run_wide_statement()
    {
        Assert.Equal("SSPR_0029", Predict(HybridTenant(), WithAdminCount(Admin().Synced(), 1)).PredictedError);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(null)]
    public void Stated_admin_count_0_or_not_set_passes(int? adminCount)
    {
        var prediction = Predict(Unstated(), WithAdminCount(Admin().Synced(), adminCount));

        Assert.Equal(PredictionOutcome.Succeeds, prediction.Outcome);
        Assert.Equal(FindingSeverity.Information, prediction.Single(FindingCode.OnPremisesProtectionStated).Severity);
    }

    [Fact]
    public void Run_wide_statement_settles_every_synced_admin()
    {
        var prediction = Predict(HybridTenant(), Admin().Synced());

        Assert.Equal(PredictionOutcome.Succeeds, prediction.Outcome);
        Assert.Contains("parameter -OnPremisesProtectedAdmins", prediction.Single(FindingCode.OnPremisesProtectionStated).Evidence);
    }

    [Fact]
    public void Disabled_writeback_decides_before_the_protected_group()
    {
        var tenant = Unstated() with { PasswordWriteback = Stated(PasswordWritebackState.Disabled, "-PasswordWriteback") };

        var prediction = Predict(tenant, WithAdminCount(Admin().Synced(), 1));

        Assert.Equal("SSPR_0010", prediction.PredictedError);
        Assert.Empty(prediction.AlternativeErrors);
        Assert.False(prediction.Has(FindingCode.OnPremisesProtectedAccount));
    }

    [Fact]
    public void Unstated_writeback_with_a_protected_account_fails_either_way()
    {
        // Writeback off gives SSPR_0010, on gives SSPR_0029: a failure for certain, its code not.
        var tenant = Unstated() with { PasswordWriteback = Fact.NotCollected<PasswordWritebackState>() };

        var prediction = Predict(tenant, WithAdminCount(Admin().Synced(), 1));

        Assert.Equal((PredictionOutcome.Fails, "SSPR_0029"), (prediction.Outcome, prediction.PredictedError));
        Assert.Equal(["SSPR_0010"], prediction.AlternativeErrors);
        Assert.Contains("SSPR_0029 or SSPR_0010", prediction.Reason);
    }

    [Fact]
    public void Cloud_only_admin_is_not_concerned()
    {
        Assert.Equal(PredictionOutcome.Succeeds, Predict(Unstated(), WithAdminCount(Admin(), 1)).Outcome);
    }

    [Fact]
    public void Synced_member_without_statement_is_not_held_up()
    {
        Assert.Equal(PredictionOutcome.Succeeds, Predict(Unstated(), Member().Synced()).Outcome);
    }

    [Fact]
    public void Synced_member_stated_protected_fails_with_SSPR_0029_too()
    {
        // The article's cause is the on-premises protected group, whatever Entra roles the account holds.
        Assert.Equal("SSPR_0029", Predict(Unstated(), WithAdminCount(Member().Synced(), 1)).PredictedError);
    }

    [Fact]
    public void SSPR_0029_comes_after_every_other_check_in_portal_order()
    {
        Assert.True(SsprErrorCode.CheckOrder("SSPR_0029") > SsprErrorCode.CheckOrder("SSPR_0010"));
    }
}
