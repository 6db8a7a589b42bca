using System.Collections.Concurrent;
using SsprTools.Engine.Logging;
using SsprTools.Engine.Logging;

namespace SsprTools.Engine.Tests.Support;

/// <summary>An activity log that keeps everything, so tests can assert on what the engine told.</summary>
internal sealed class RecordingLog : IActivityLog
{
    public ConcurrentQueue<string> Verbose { get; } = new();

    public ConcurrentQueue<string> Debug { get; } = new();

    public ConcurrentQueue<string> Warnings { get; } = new();

    public ConcurrentQueue<ProgressUpdate> Progress { get; } = new();

    public IEnumerable<string> All => Verbose.Concat(Debug).Concat(Warnings);

    void IActivityLog.Verbose(string message) => Verbose.Enqueue(message);

    void IActivityLog.Debug(string message) => Debug.Enqueue(message);

    void IActivityLog.Warning(string message) => Warnings.Enqueue(message);

    void IActivityLog.Progress(ProgressUpdate update) => Progress.Enqueue(update);
}
