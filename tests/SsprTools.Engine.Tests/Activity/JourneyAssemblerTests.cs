using SsprTools.Engine.Activity;
using SsprTools.Model;
using static SsprTools.Engine.Tests.Activity.AuditEvents;

namespace SsprTools.Engine.Tests.Activity;

public class JourneyAssemblerTests
{
    [Fact]
    public void JourneysCloseOnceTheStreamIsAQuietPeriodBeforeThem()
    {
        var assembler = new JourneyAssembler();
        var late = Start.AddHours(5);

        // newest first: journey "a" (hour 5), then journey "b" interleaved with nothing, 3 hours earlier
        Assert.Empty(assembler.Add(Step("a", 2, "Successfully completed reset.", activity: "Reset password (self-service)", start: late)));
        Assert.Empty(assembler.Add(Step("a", 0, "User submitted their user ID", start: late)));
        var closed = assembler.Add(Step("b", 0, "User submitted their user ID", start: Start.AddHours(2)));

        var a = Assert.Single(closed);
        Assert.Equal("a", a.CorrelationId);
        Assert.Equal(ResetAttemptOutcome.Succeeded, a.Outcome);
        var rest = assembler.Complete();
        Assert.Equal("b", Assert.Single(rest).CorrelationId);
        Assert.Empty(assembler.Complete());
    }

    [Fact]
    public void EventsOfOneJourneySpreadOverPagesStayTogether()
    {
        var assembler = new JourneyAssembler();
        var output = new List<SsprResetAttempt>();
        foreach (var e in new[] { Reset("x", 40), Step("y", 30, "User submitted their user ID"), Step("x", 5, "User submitted their user ID") })
        {
            output.AddRange(assembler.Add(e));
        }

        output.AddRange(assembler.Complete());
        var x = output.Single(o => o.CorrelationId == "x");
        Assert.Equal(2, x.Steps.Length);
        Assert.Equal(ResetAttemptOutcome.Abandoned, output.Single(o => o.CorrelationId == "y").Outcome);
    }

    [Fact]
    public void OpenJourneysAreBoundedByTheWindowNotTheLog()
    {
        var assembler = new JourneyAssembler();
        var emitted = 0;
        for (var i = 0; i < 10_000; i++)
        {
            // one single-step journey every 10 minutes, newest first
            emitted += assembler.Add(Step($"j{i}", -10 * i, "User submitted their user ID")).Count;
        }

        var left = assembler.Complete().Count;
        Assert.Equal(10_000, emitted + left);
        Assert.InRange(left, 1, 8);
    }

    [Fact]
    public void NonJourneyGroupsAreDropped()
    {
        var assembler = new JourneyAssembler();
        assembler.Add(Step("admin", 0, "", activity: "Reset password (by admin)"));
        Assert.Empty(assembler.Complete());
    }
}
