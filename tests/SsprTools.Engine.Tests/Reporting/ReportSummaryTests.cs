using SsprTools.Engine.Reporting;
using SsprTools.Model;
using static SsprTools.Engine.Tests.Reporting.ReportSamples;

namespace SsprTools.Engine.Tests.Reporting;

public class ReportSummaryTests
{
    [Fact]
    public void Counts_users_by_outcome()
    {
        var summary = ReportSummary.Of(
        [
            SwitchOffAdmin(),
            Member("a@contoso.com", PredictionOutcome.Fails, "SSPR_0014"),
            Member("b@contoso.com", PredictionOutcome.Succeeds),
            Member("c@contoso.com", PredictionOutcome.Unknown),
            Member("d@contoso.com", PredictionOutcome.Unknown),
        ]);

        Assert.Equal(5, summary.Total);
        Assert.Equal(2, summary.Fails);
        Assert.Equal(1, summary.Succeeds);
        Assert.Equal(2, summary.Unknown);
        Assert.Equal(2, summary.CountOf(PredictionOutcome.Fails));
    }

    [Fact]
    public void Counts_predicted_errors_by_code_in_code_order()
    {
        var summary = ReportSummary.Of(
        [
            Member("a@contoso.com", PredictionOutcome.Fails, "SSPR_0014"),
            SwitchOffAdmin("x@contoso.com"),
            Member("b@contoso.com", PredictionOutcome.Fails, "SSPR_0010"),
            SwitchOffAdmin("y@contoso.com"),
            Member("c@contoso.com", PredictionOutcome.Succeeds),
        ]);

        Assert.Equal(
            [new("SSPR_0009", 2), new("SSPR_0010", 1), new KeyValuePair<string, int>("SSPR_0014", 1)],
            summary.ByError);
    }

    [Fact]
    public void Counts_administrators_and_synchronized_users_with_unknowns_apart()
    {
        var summary = ReportSummary.Of(
        [
            Member("a@contoso.com", PredictionOutcome.Succeeds, isAdmin: true, isSynced: true),
            Member("b@contoso.com", PredictionOutcome.Succeeds, isAdmin: true, isSynced: false),
            Member("c@contoso.com", PredictionOutcome.Succeeds, isAdmin: false, isSynced: null),
            Member("d@contoso.com", PredictionOutcome.Unknown, isAdmin: null, isSynced: true),
        ]);

        Assert.Equal((2, 1, 1), (summary.Admins, summary.NonAdmins, summary.AdminStatusUnknown));
        Assert.Equal((2, 1, 1), (summary.Synced, summary.CloudOnly, summary.SyncStatusUnknown));
    }

    [Fact]
    public void Counts_an_outcome_it_does_not_know_as_unknown()
    {
        var summary = ReportSummary.Of([Member("a@contoso.com", "Maybe")]);

        Assert.Equal(1, summary.Unknown);
        Assert.Equal(0, summary.Fails + summary.Succeeds);
    }

    [Fact]
    public void Is_all_zeros_for_no_predictions()
    {
        var summary = ReportSummary.Of([]);

        Assert.Equal(0, summary.Total);
        Assert.Equal(0, summary.Fails + summary.Succeeds + summary.Unknown + summary.Admins + summary.Synced);
        Assert.Empty(summary.ByError);
    }
}
