using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using SsprTools.Engine.Errors;

namespace SsprTools.Infrastructure;

/// <summary>
/// Base of every SsprTools cmdlet. Engine calls are async and may report from any thread; this
/// runs them, relays their Verbose/Debug/Warning/Progress on the pipeline thread, cancels them on
/// Ctrl+C (StopProcessing), and turns engine errors into ErrorRecords.
/// Engine types appear only inside method bodies, so importing the module does not load the engine.
/// </summary>
public abstract class SsprCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    public void Dispose() => _stopping.Dispose();

    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>Runs engine work and relays what it reports; engine failures surface as <see cref="SsprException"/>.</summary>
    internal T RunEngine<T>(Func<QueuedActivityLog, CancellationToken, Task<T>> work)
    {
        var log = new QueuedActivityLog();
        var task = Task.Run(() => work(log, _stopping.Token));
        task.ContinueWith(_ => log.Entries.CompleteAdding(), TaskScheduler.Default);
        foreach (var entry in log.Entries.GetConsumingEnumerable())
        {
            Relay(entry);
        }

        try
        {
            return task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        catch (SsprException e) when (e.Kind == SsprErrorKind.Cancelled && _stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary>The connection every Graph-reading cmdlet needs; without one the command ends with NotConnected.</summary>
    internal Engine.Connection.SsprSession RequireSession()
    {
        try
        {
            return Engine.Connection.CurrentSession.Require();
        }
        catch (SsprException e)
        {
            Terminate(e, null);
            throw; // not reached: Terminate throws
        }
    }

    /// <summary>Clears the progress bar of a long run.</summary>
    internal void CompleteProgress() =>
        WriteProgress(new ProgressRecord(1, "Predicting self-service password reset", "Done") { RecordType = ProgressRecordType.Completed });

    /// <summary>A failure that ends the whole command (not connected, no permission for the run).</summary>
    internal void Terminate(SsprException error, object? target) =>
        ThrowTerminatingError(ErrorRecordFactory.From(error, target));

    /// <summary>A failure of one pipeline item; the rest go on.</summary>
    internal void Report(SsprException error, object? target) =>
        WriteError(ErrorRecordFactory.From(error, target));

    private void Relay((QueuedActivityLog.Kind Kind, string Message, Engine.Diagnostics.ProgressUpdate? Progress) entry)
    {
        switch (entry.Kind)
        {
            case QueuedActivityLog.Kind.Verbose:
                WriteVerbose(entry.Message);
                break;
            case QueuedActivityLog.Kind.Debug:
                WriteDebug(entry.Message);
                break;
            case QueuedActivityLog.Kind.Warning:
                WriteWarning(entry.Message);
                break;
            case QueuedActivityLog.Kind.Progress when entry.Progress is { } update:
                WriteProgress(new ProgressRecord(1, update.Activity, update.Status)
                {
                    PercentComplete = update.PercentComplete,
                    RecordType = update.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
                });
                break;
        }
    }
}
