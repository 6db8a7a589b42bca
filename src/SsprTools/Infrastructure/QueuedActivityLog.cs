using System.Collections.Concurrent;
using SsprTools.Engine.Diagnostics;

namespace SsprTools.Infrastructure;

/// <summary>
/// Collects what the engine reports from any thread, so the cmdlet can write it from the pipeline
/// thread (PowerShell only accepts Write* calls there).
/// </summary>
internal sealed class QueuedActivityLog : IActivityLog
{
    public enum Kind
    {
        Verbose,
        Debug,
        Warning,
        Progress,
    }

    public BlockingCollection<(Kind Kind, string Message, ProgressUpdate? Progress)> Entries { get; } = new();

    public void Verbose(string message) => Entries.Add((Kind.Verbose, message, null));

    public void Debug(string message) => Entries.Add((Kind.Debug, message, null));

    public void Warning(string message) => Entries.Add((Kind.Warning, message, null));

    public void Progress(ProgressUpdate update) => Entries.Add((Kind.Progress, update.Status, update));
}
