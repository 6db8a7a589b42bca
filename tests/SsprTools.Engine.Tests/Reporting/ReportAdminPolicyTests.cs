using SsprTools.Engine.Errors;
using SsprTools.Engine.Reporting;
using SsprTools.Model;
using static SsprTools.Engine.Tests.Reporting.ReportSamples;

namespace SsprTools.Engine.Tests.Reporting;

public class ReportAdminPolicyTests
{
    private static AdminPolicy MustNotRead() => throw new InvalidOperationException("the switch was read again");

    [Fact]
    public void Shows_the_switch_the_diagnosis_run_read_without_reading_it_again()
    {
        var readByRun = Switch(on: false);

        var choice = ReportAdminPolicy.Choose(readByRun, MustNotRead);

        Assert.Same(readByRun, choice.Policy);
        Assert.Null(choice.Note);
        Assert.Null(choice.Warning);
    }

    [Fact]
    public void Says_not_connected_without_a_warning_when_there_is_no_session()
    {
        var choice = ReportAdminPolicy.Choose(null, null);

        Assert.Null(choice.Policy);
        Assert.Equal("not connected", choice.Note);
        Assert.Null(choice.Warning);
    }

    [Fact]
    public void Reads_the_switch_now_when_no_run_read_it()
    {
        var now = Switch(on: true);
        var reads = 0;

        var choice = ReportAdminPolicy.Choose(null, () => { reads++; return now; });

        Assert.Equal(1, reads);
        Assert.Same(now, choice.Policy);
        Assert.Null(choice.Note);
        Assert.Null(choice.Warning);
    }

    [Theory]
    [InlineData(SsprErrorKind.PermissionDenied)]
    [InlineData(SsprErrorKind.Throttled)]
    public void A_Graph_error_becomes_the_note_and_a_warning(SsprErrorKind kind)
    {
        var error = new SsprException(kind, "Some.Error", "Graph said no.");

        var choice = ReportAdminPolicy.Choose(null, () => throw error);

        Assert.Null(choice.Policy);
        Assert.Equal("Graph said no.", choice.Note);
        Assert.Equal("The report does not show the SSPR-for-administrators switch: Graph said no.", choice.Warning);
    }

    [Fact]
    public void Cancelling_the_read_stops_the_report()
    {
        var cancelled = new SsprException(SsprErrorKind.Cancelled, "Cancelled", "Stopped.");

        var thrown = Assert.Throws<SsprException>(() => ReportAdminPolicy.Choose(null, () => throw cancelled));

        Assert.Same(cancelled, thrown);
    }

    [Fact]
    public void Errors_other_than_the_engine_s_are_not_hidden_in_the_report()
    {
        Assert.Throws<InvalidOperationException>(() => ReportAdminPolicy.Choose(null, MustNotRead));
    }
}
