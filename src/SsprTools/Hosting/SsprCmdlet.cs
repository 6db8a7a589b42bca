using System.Management.Automation;
using System.Threading.Tasks;
using System.Threading;
using System;
using SsprTools.Engine.Connection;
using SsprTools.Engine.Errors;
using SsprTools.Engine.Logging;

namespace SsprTools.Hosting;

/// <summary>
/// Base of every SsprTools cmdlet. Engine calls are async and may report from any thread; this
/// runs them, relays their Verbose/Debug/Warning/Progress on the pipeline thread, cancels them on
/// Ctrl+C (StopProcessing) or when relaying throws, and turns engine errors into ErrorRecords.
/// A command leases the connection on first need and releases it when PowerShell disposes the command,
/// which it does however the command ends (done, terminating error, Ctrl+C), so a reconnect in another
/// runspace never disposes the connection under a running command.
/// Engine types appear only inside method bodies, so importing the module does not load the engine.
/// </summary>
public abstract class SsprCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    // The engine's lease (LeasedResource<SsprSession>.Lease), typed IDisposable to keep engine types out of this class's shape.
    private IDisposable? _sessionLease;

    public void Dispose()
    {
        _sessionLease?.Dispose();
        _sessionLease = null;
        _stopping.Dispose();
    }

    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>Runs engine work and relays what it reports; engine failures surface as <see cref="SsprException"/>.</summary>
    internal T RunEngine<T>(Func<Engine.Logging.IActivityLog, CancellationToken, Task<T>> work)
    {
        try
        {
            return Engine.Logging.RelayedRun.Run(work, Relay, _stopping.Token);
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

    /// <summary>Runs engine work that hands out results as it goes, writing each to the pipeline as it comes.</summary>
    internal void StreamEngine<T>(Func<Engine.Logging.IActivityLog, Action<T>, CancellationToken, Task> work)
    {
        try
        {
            Engine.Logging.RelayedRun.Stream(work, Relay, _stopping.Token);
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

    /// <summary>The connection every Graph-reading cmdlet needs, leased until this command ends; without one the command ends with NotConnected.</summary>
    internal Engine.Connection.SsprSession RequireSession()
    {
        try
        {
            return LeasedSession() ?? Lease(Engine.Connection.CurrentSession.Acquire());
        }
        catch (SsprException e)
        {
            Terminate(e, null);
            throw; // not reached: Terminate throws
        }
    }

    /// <summary>As <see cref="RequireSession"/>, but null when not connected (a report of predictions read back from a file).</summary>
    internal Engine.Connection.SsprSession? TryRequireSession() =>
        LeasedSession() ?? (Engine.Connection.CurrentSession.TryAcquire() is { } lease ? Lease(lease) : null);

    /// <summary>Clears the progress bar of a long run.</summary>
    internal void CompleteProgress() =>
        WriteProgress(new ProgressRecord(1, "Predicting self-service password reset", "Done") { RecordType = ProgressRecordType.Completed });

    /// <summary>A failure that ends the whole command (not connected, no permission for the run).</summary>
    internal void Terminate(SsprException error, object? target) =>
        ThrowTerminatingError(ErrorRecordFactory.From(error, target));

    /// <summary>A failure of one pipeline item; the rest go on.</summary>
    internal void Report(SsprException error, object? target) =>
        WriteError(ErrorRecordFactory.From(error, target));

    // One command, one session: the one current when it first needed it, even if another runspace reconnects meanwhile.
    private Engine.Connection.SsprSession? LeasedSession() =>
        (_sessionLease as Engine.Connection.LeasedResource<Engine.Connection.SsprSession>.Lease)?.Value;

    private Engine.Connection.SsprSession Lease(Engine.Connection.LeasedResource<Engine.Connection.SsprSession>.Lease lease)
    {
        _sessionLease = lease;
        return lease.Value;
    }

    private void Relay(Engine.Logging.ActivityEntry entry)
    {
        switch (entry.Kind)
        {
            case Engine.Logging.ActivityKind.Verbose:
                WriteVerbose(entry.Message);
                break;
            case Engine.Logging.ActivityKind.Debug:
                WriteDebug(entry.Message);
                break;
            case Engine.Logging.ActivityKind.Warning:
                WriteWarning(entry.Message);
                break;
            case Engine.Logging.ActivityKind.Output:
                WriteObject(entry.Item);
                break;
            case Engine.Logging.ActivityKind.Progress when entry.Progress is { } update:
                WriteProgress(new ProgressRecord(1, update.Activity, update.Status)
                {
                    PercentComplete = update.PercentComplete,
                    RecordType = update.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
                });
                break;
        }
    }
}
