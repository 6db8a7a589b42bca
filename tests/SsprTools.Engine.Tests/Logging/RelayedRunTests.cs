using SsprTools.Engine.Logging;
using SsprTools.Engine.Logging;

namespace SsprTools.Engine.Tests.Logging;

/// <summary>
/// The pump between engine work and the pipeline thread. When relaying a record throws (-WarningAction Stop,
/// a stopped pipeline), the engine work must be cancelled and finished before the exception reaches PowerShell.
/// </summary>
public class RelayedRunTests
{
    [Fact]
    public void Records_are_relayed_in_order_and_the_result_returned()
    {
        var relayed = new List<string>();

        var result = RelayedRun.Run<int>(async (log, cancel) =>
        {
            log.Verbose("one");
            await Task.Yield();
            log.Warning("two");
            log.Progress(new ProgressUpdate("Reading", "three"));
            return 42;
        }, entry => relayed.Add($"{entry.Kind}:{entry.Message}"), CancellationToken.None);

        Assert.Equal(42, result);
        Assert.Equal(new[] { "Verbose:one", "Warning:two", "Progress:three" }, relayed);
    }

    [Fact]
    public void When_relaying_a_warning_throws_the_work_is_cancelled_and_ended_before_the_exception_goes_on()
    {
        var reads = 0;
        var workCancelled = false;
        var workEnded = false;
        var stop = new InvalidOperationException("The running command stopped because the preference variable \"WarningPreference\" is set to Stop");

        var thrown = Assert.Throws<InvalidOperationException>(() => RelayedRun.Run<int>(async (log, cancel) =>
        {
            try
            {
                log.Warning("Some administrators may be missing");
                // Graph reads that would go on for a long time.
                while (true)
                {
                    await Task.Delay(10, cancel);
                    Interlocked.Increment(ref reads);
                }
            }
            catch (OperationCanceledException)
            {
                workCancelled = true;
                throw;
            }
            finally
            {
                workEnded = true;
            }
        }, entry => { if (entry.Kind == ActivityKind.Warning) { throw stop; } }, CancellationToken.None));

        Assert.Same(stop, thrown);
        Assert.True(workCancelled, "the engine work was not cancelled");
        Assert.True(workEnded, "the engine work was still running when the command ended");
        var readsAtStop = Volatile.Read(ref reads);
        Thread.Sleep(200);
        Assert.Equal(readsAtStop, Volatile.Read(ref reads));
    }

    [Fact]
    public void Ctrl_C_cancels_the_work_and_its_cancellation_reaches_the_caller()
    {
        using var stopping = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() => RelayedRun.Run<int>(async (log, cancel) =>
        {
            log.Verbose("started");
            await Task.Delay(Timeout.Infinite, cancel);
            return 0;
        }, _ => stopping.Cancel(), stopping.Token));
    }

    [Fact]
    public void A_log_kept_past_its_call_drops_late_records_instead_of_failing_the_caller()
    {
        IActivityLog? kept = null;
        RelayedRun.Run<int>((log, cancel) =>
        {
            kept = log;
            return Task.FromResult(0);
        }, _ => { }, CancellationToken.None);

        var late = Record.Exception(() => kept!.Warning("To sign in, use a web browser to open the page https://microsoft.com/devicelogin"));

        Assert.Null(late);
    }
}
