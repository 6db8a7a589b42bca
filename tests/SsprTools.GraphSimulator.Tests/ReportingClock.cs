using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace SsprTools.GraphSimulator.Tests;

/// <summary>A FakeTimeProvider that tells the test each timer the simulator starts, so the test passes fake time
/// deliberately: no real sleeps, no wall-clock thresholds.</summary>
internal sealed class ReportingClock : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public ReportingClock()
        : base(new DateTimeOffset(2031, 3, 1, 8, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
            _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The due time of the next timer started on this clock.</summary>
    public Task<TimeSpan> NextTimerAsync() => _timers.Reader.ReadAsync().AsTask();
}
