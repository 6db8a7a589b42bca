using System;
using System.Threading;

namespace SsprTools.Engine.Logging;

/// <summary>
/// The activity log of the engine call in progress. The Graph client outlives any one cmdlet call,
/// so its HTTP handlers find the current caller's log here (it flows with async calls).
/// </summary>
internal static class AmbientLog
{
    private static readonly AsyncLocal<IActivityLog?> CurrentLog = new();

    public static IActivityLog Current => CurrentLog.Value ?? NullActivityLog.Instance;

    public static IDisposable Use(IActivityLog log)
    {
        var previous = CurrentLog.Value;
        CurrentLog.Value = log;
        return new Restore(previous);
    }

    private sealed class Restore : IDisposable
    {
        private readonly IActivityLog? _previous;

        public Restore(IActivityLog? previous) => _previous = previous;

        public void Dispose() => CurrentLog.Value = _previous;
    }
}
