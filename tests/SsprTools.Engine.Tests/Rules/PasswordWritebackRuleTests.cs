using SsprTools.Engine.Facts;
using SsprTools.Engine.Findings;
using SsprTools.Engine.Rules;
using SsprTools.Model;
using static SsprTools.Engine.Tests.Rules.Scenario;

namespace SsprTools.Engine.Tests.Rules;

public class PasswordWritebackRuleTests
{
    [Fact]
    public void Synced_user_with_writeback_disabled_fails_with_SSPR_0010()
    {
        var tenant = HybridTenant() with { PasswordWriteback = Stated(PasswordWritebackState.Disabled, "-PasswordWriteback") };

        var prediction = Predict(tenant, Member().Synced());

        Assert.Equal("SSPR_0010", prediction.PredictedError);
        var finding = prediction.Single(FindingCode.WritebackDisabled);
        Assert.Contains("On-premises integration > Write back passwords", finding.Remediation);
        Assert.Contains("password writeback = Disabled; parameter -PasswordWriteback", finding.Evidence);
    }

    [Fact]
    public void Synced_user_with_writeback_unstated_is_unknown_and_says_how_to_state_it()
    {
        var tenant = HybridTenant() with { PasswordWriteback = Fact.NotCollected<PasswordWritebackState>() };

        var prediction = Predict(tenant, Member().Synced());

        Assert.Equal(PredictionOutcome.Unknown, prediction.Outcome);
        var finding = prediction.Single(FindingCode.WritebackUnknown);
        Assert.Contains("cannot read", finding.Message);
        Assert.Contains("-PasswordWriteback Enabled or -PasswordWriteback Disabled", finding.Remediation);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Unstated_writeback_is_decided_by_an_observed_successful_reset_only(bool succeeded)
    {
        var tenant = HybridTenant() with { PasswordWriteback = Fact.NotCollected<PasswordWritebackState>() };
        var attempt = new SsprResetAttempt
        {
            UserId = "u1", CorrelationId = "corr-1", Outcome = succeeded ? ResetAttemptOutcome.Succeeded : ResetAttemptOutcome.Abandoned,
            StartedAt = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), EndedAt = new DateTimeOffset(2026, 12, 1, 9, 5, 0, TimeSpan.Zero),
        };
        var user = Member().Synced() with
        {
            ObservedResets = Fact.Read(new ObservedResets(attempt, succeeded ? attempt : null), Evidence.Graph("GET", "/v1.0/auditLogs/directoryAudits", attempt.EndedAt)),
        };

        var prediction = Predict(tenant, user);

        Assert.Same(attempt, prediction.LastAttempt);
        if (succeeded)
        {
            Assert.Equal(PredictionOutcome.Succeeds, prediction.Outcome);
            var finding = prediction.Single(FindingCode.WritebackObservedWorking);
            Assert.Contains("2026-12-01", finding.Message);
            Assert.Contains("shows the past, not now", finding.Message);
            Assert.Contains("corr-1", finding.Evidence);
        }
        else
        {
            Assert.Equal(PredictionOutcome.Unknown, prediction.Outcome);
            Assert.DoesNotContain(prediction.Findings, f => f.Code == FindingCode.WritebackObservedWorking);
        }
    }

    [Fact]
    public void Stated_writeback_wins_over_an_observed_success()
    {
        var tenant = HybridTenant() with { PasswordWriteback = Stated(PasswordWritebackState.Disabled, "-PasswordWriteback") };
        var success = new SsprResetAttempt { UserId = "u1", CorrelationId = "c", Outcome = ResetAttemptOutcome.Succeeded };
        var user = Member().Synced() with { ObservedResets = Fact.Read(new ObservedResets(success, success), Evidence.NotCollected) };

        var prediction = Predict(tenant, user);

        Assert.Equal("SSPR_0010", prediction.PredictedError);
        Assert.Equal(FindingCode.ObservedAttemptContradicts, prediction.Findings.Single(f => f.Code.StartsWith("ObservedAttempt", StringComparison.Ordinal)).Code);
    }

    [Fact]
    public void Synced_user_with_writeback_enabled_succeeds_with_an_on_premises_caveat()
    {
        var prediction = Predict(HybridTenant(), Member().Synced());

        Assert.Equal(PredictionOutcome.Succeeds, prediction.Outcome);
        Assert.Contains("SSPR_0029", prediction.Single(FindingCode.WritebackStatedEnabled).Message);
    }

    [Fact]
    public void Cloud_only_user_in_a_syncing_tenant_needs_no_writeback()
    {
        var tenant = HybridTenant() with { PasswordWriteback = Stated(PasswordWritebackState.Disabled, "-PasswordWriteback") };

        Assert.Equal(PredictionOutcome.Succeeds, Predict(tenant, Member()).Outcome);
    }

    [Fact]
    public void No_longer_synced_user_is_cloud_managed()
    {
        var tenant = HybridTenant() with { PasswordWriteback = Stated(PasswordWritebackState.Disabled, "-PasswordWriteback") };
        var user = Member() with { OnPremisesSyncEnabled = Read<bool?>(false, "/users/f1847572") };

        Assert.Equal(PredictionOutcome.Succeeds, Predict(tenant, user).Outcome);
    }

    [Fact]
    public void Unreadable_user_sync_state_in_a_tenant_that_does_not_sync_is_cloud_only()
    {
        var user = Member() with { OnPremisesSyncEnabled = Forbidden<bool?>("/users/f1847572") };

        var prediction = Predict(Tenant(), user);

        Assert.Equal(PredictionOutcome.Succeeds, prediction.Outcome);
        Assert.False(prediction.IsSynced);
    }

    [Fact]
    public void Unreadable_user_sync_state_in_a_syncing_tenant_is_unknown()
    {
        var tenant = HybridTenant() with { PasswordWriteback = Fact.NotCollected<PasswordWritebackState>() };
        var user = Member() with { OnPremisesSyncEnabled = Forbidden<bool?>("/users/f1847572") };

        var prediction = Predict(tenant, user);

        Assert.Equal(PredictionOutcome.Unknown, prediction.Outcome);
        Assert.Null(prediction.IsSynced);
        Assert.True(prediction.Has(FindingCode.SyncStateUnreadable));
    }

    [Fact]
    public void Methods_are_checked_before_writeback()
    {
        var tenant = HybridTenant() with { PasswordWriteback = Stated(PasswordWritebackState.Disabled, "-PasswordWriteback") };

        var prediction = Predict(tenant, Admin().Synced().WithMethods("email"));

        Assert.Equal("SSPR_0014", prediction.PredictedError);
        Assert.True(prediction.Has(FindingCode.WritebackDisabled));
    }
}
