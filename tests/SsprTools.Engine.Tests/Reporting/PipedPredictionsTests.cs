using SsprTools.Engine.Reporting;
using SsprTools.Model;
using static SsprTools.Engine.Tests.Reporting.ReportSamples;

namespace SsprTools.Engine.Tests.Reporting;

public class PipedPredictionsTests
{
    [Fact]
    public void Keeps_the_first_prediction_of_a_user_and_refuses_later_ones()
    {
        var piped = new PipedPredictions();
        var first = Member("a@contoso.com", PredictionOutcome.Succeeds);
        var again = Member("a@contoso.com", PredictionOutcome.Fails, "SSPR_0014");

        Assert.True(piped.Add(first, readBack: false));
        Assert.False(piped.Add(again, readBack: false));

        Assert.Same(first, Assert.Single(piped.Predictions));
    }

    [Fact]
    public void Matches_users_by_object_id_ignoring_case_even_when_the_names_differ()
    {
        var piped = new PipedPredictions();
        var renamed = Member("renamed@contoso.com", PredictionOutcome.Succeeds);

        piped.Add(Member("a@contoso.com", PredictionOutcome.Succeeds), readBack: false);

        Assert.False(piped.Add(new ResetPrediction { UserId = "ID-A@CONTOSO.COM", UserPrincipalName = renamed.UserPrincipalName }, readBack: false));
        Assert.True(piped.Add(renamed, readBack: false));
        Assert.Equal(2, piped.Predictions.Count);
    }

    [Fact]
    public void Falls_back_to_the_user_principal_name_when_the_id_is_missing()
    {
        var piped = new PipedPredictions();

        Assert.True(piped.Add(new ResetPrediction { UserId = "", UserPrincipalName = "a@contoso.com" }, readBack: true));
        Assert.False(piped.Add(new ResetPrediction { UserId = "", UserPrincipalName = "A@Contoso.com" }, readBack: true));
        Assert.True(piped.Add(new ResetPrediction { UserId = "", UserPrincipalName = "b@contoso.com" }, readBack: true));

        Assert.Equal(["a@contoso.com", "b@contoso.com"], piped.Predictions.Select(p => p.UserPrincipalName));
    }

    [Fact]
    public void Counts_read_back_predictions_only_among_those_kept()
    {
        var piped = new PipedPredictions();
        piped.Add(Member("live@contoso.com", PredictionOutcome.Succeeds), readBack: false);
        piped.Add(Member("saved@contoso.com", PredictionOutcome.Succeeds), readBack: true);
        piped.Add(Member("saved@contoso.com", PredictionOutcome.Succeeds), readBack: true);

        Assert.Equal(1, piped.ReadBack);
        Assert.Equal("2 predictions from the pipeline (1 read back from saved output, such as Import-Clixml)", piped.Source);
    }

    [Fact]
    public void Says_so_when_nothing_was_piped()
    {
        var piped = new PipedPredictions();

        Assert.Empty(piped.Predictions);
        Assert.Equal("no predictions from the pipeline", piped.Source);
    }
}
