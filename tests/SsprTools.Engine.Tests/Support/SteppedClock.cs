using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace SsprTools.Engine.Tests.Support;

/// <summary>
/// A FakeTimeProvider that tells the test every wait the code under test starts (a timer with a finite due time),
/// so the test passes exactly that much fake time and records it: no real sleeps, no wall-clock thresholds.
/// Timers whose due time is in <see cref="Ignored"/> (per-attempt timeouts) are not reported and only fire if time
/// passes them.
/// </summary>
internal sealed class SteppedClock : FakeTimeProvider
{
    /// <summary>A fixed start, later than any real clock these tests run on, so a check still on the real clock shows.</summary>
    public static readonly DateTimeOffset Origin = new(2031, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly Channel<TimeSpan> _waits = Channel.CreateUnbounded<TimeSpan>();
    private Task<TimeSpan>? _pending;

    public SteppedClock(params TimeSpan[] ignored)
        : base(Origin)
    {
        Ignored = ignored.ToHashSet();
    }

    public HashSet<TimeSpan> Ignored { get; }

    /// <summary>Every wait passed by <see cref="RunAsync{T}"/>, in order.</summary>
    public List<TimeSpan> Passed { get; } = new();

    /// <summary>Fake time since <see cref="Origin"/>.</summary>
    public TimeSpan Elapsed => GetUtcNow() - Origin;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan && !Ignored.Contains(dueTime))
        {
            _waits.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    /// <summary>The next wait the code under test starts.</summary>
    public Task<TimeSpan> NextWaitAsync()
    {
        var next = _pending ?? _waits.Reader.ReadAsync().AsTask();
        _pending = null;
        return next;
    }

    /// <summary>Runs <paramref name="operation"/>, passing each wait it starts as soon as it starts it.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> operation)
    {
        var task = operation();
        while (true)
        {
            // One outstanding read at a time, kept across runs: an abandoned read would swallow the next run's first wait.
            var next = _pending ??= _waits.Reader.ReadAsync().AsTask();
            if (await Task.WhenAny(task, next) == task)
            {
                return await task;
            }

            _pending = null;
            var wait = await next;
            Passed.Add(wait);
            Advance(wait);
        }
    }

    public async Task RunAsync(Func<Task> operation) =>
        await RunAsync(async () =>
        {
            await operation();
            return true;
        });
}
