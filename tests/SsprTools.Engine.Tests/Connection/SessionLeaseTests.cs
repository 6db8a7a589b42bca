using SsprTools.Engine.Connection;
using SsprTools.Engine.Diagnosis;
using SsprTools.Engine.Tests.Support;

namespace SsprTools.Engine.Tests.Connection;

/// <summary>Real sessions against the simulator: a reconnect or disconnect while a run reads Graph neither breaks the run nor leaks the old session.</summary>
public class SessionLeaseTests
{
    [Theory]
    [InlineData("reconnect")]
    [InlineData("disconnect")]
    public async Task A_run_finishes_on_its_session_while_another_runspace_replaces_it_which_is_disposed_after(string change)
    {
        await using var host = await SimulatedTenant.StartAsync();
        var slot = new LeaseSlot<SsprSession>();
        var first = await SimulatedTenant.ConnectAsync(host);
        slot.Replace(first);
        var expected = await PredictAdminsAsync(first);
        host.Faults.LatencyMs = 150;

        Task<List<string>> run;
        using (var lease = slot.TryAcquire()!)
        {
            run = PredictAdminsAsync(lease.Value);
            await Task.Delay(300);
            Assert.False(run.IsCompleted, "the run ended before the reconnect: the test proves nothing");
            var stillInUse = change == "reconnect" ? slot.Replace(await SimulatedTenant.ConnectAsync(host)) : Clear(slot);
            Assert.Equal(1, stillInUse);

            var predictions = await run;

            Assert.Equal(expected, predictions);
            Assert.False(first.IsDisposed);
            Assert.Equal(1, slot.RetiredStillOpen);
        }

        Assert.True(first.IsDisposed);
        Assert.Equal(0, slot.RetiredStillOpen);
        slot.Clear(out _);
    }

    private static int Clear(LeaseSlot<SsprSession> slot)
    {
        Assert.True(slot.Clear(out var stillInUse));
        return stillInUse;
    }

    private static async Task<List<string>> PredictAdminsAsync(SsprSession session) =>
        (await DiagnosisRun.Start(session, new DiagnosisOptions()).PredictAdminsAsync(true, new RecordingLog(), CancellationToken.None)).Select(Describe).ToList();

    private static string Describe(Model.ResetPrediction p) => $"{p.UserId} {p.Outcome} {p.PredictedError}";
}
