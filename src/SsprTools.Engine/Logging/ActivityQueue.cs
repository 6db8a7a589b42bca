using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace SsprTools.Engine.Logging;

/// <summary>
/// Collects what the engine reports from any thread, so the host can write it from its own thread
/// (PowerShell accepts Write* calls only on the pipeline thread).
/// </summary>
internal sealed class ActivityQueue : IActivityLog, IDisposable
{
    private readonly BlockingCollection<ActivityEntry> _entries = new();

    public void Verbose(string message) => Add(new ActivityEntry(ActivityKind.Verbose, message));

    public void Debug(string message) => Add(new ActivityEntry(ActivityKind.Debug, message));

    public void Warning(string message) => Add(new ActivityEntry(ActivityKind.Warning, message));

    public void Progress(ProgressUpdate update) => Add(new ActivityEntry(ActivityKind.Progress, update.Status, update));

    /// <summary>A result of a streaming run, written to the pipeline in order with what was logged before it.</summary>
    public void Output(object item) => Add(new ActivityEntry(ActivityKind.Output, "", null, item));

    /// <summary>Entries as they come, until <see cref="Complete"/>.</summary>
    public IEnumerable<ActivityEntry> Consume() => _entries.GetConsumingEnumerable();

    public void Complete()
    {
        try
        {
            _entries.CompleteAdding();
        }
        catch (ObjectDisposedException)
        {
            // The host stopped listening and let go of the queue first.
        }
    }

    public void Dispose() => _entries.Dispose();

    // Whoever kept this log past the end of its call (a credential's callback, a late handler) must not fail for it:
    // nobody is listening any more, so the entry is dropped.
    private void Add(ActivityEntry entry)
    {
        try
        {
            _entries.TryAdd(entry);
        }
        catch (InvalidOperationException)
        {
            // Completed, or disposed (ObjectDisposedException is an InvalidOperationException).
        }
    }
}
