using SsprTools.Engine.Diagnosis;
using SsprTools.Engine.Errors;
using SsprTools.Engine.Graph;
using SsprTools.Engine.Policy;
using SsprTools.Engine.Tests.Support;

namespace SsprTools.Engine.Tests.Graph;

/// <summary>The policy service against the simulator's injected faults, end to end.</summary>
public class FaultToleranceTests
{
    [Fact]
    public async Task A_429_storm_with_Retry_After_still_reads_and_writes_correctly()
    {
        var clock = new SteppedClock(Engine.Graph.GraphRetryPolicy.Default.AttemptTimeout);
        await using var host = await SimulatedTenant.StartAsync(clock);
        host.Faults.ThrottleRate = 0.3;
        host.Faults.RetryAfterSeconds = 1;
        host.Faults.Seed = 7;
        var log = new RecordingLog();
        using var session = await SimulatedTenant.ConnectAsync(host, clock, log: log);

        var plan = await clock.RunAsync(() => AdminPolicyService.For(session).PlanAsync(true, log, CancellationToken.None));
        var change = await clock.RunAsync(() => AdminPolicyService.For(session).ApplyAsync(plan, TimeSpan.FromSeconds(20), log, CancellationToken.None));

        Assert.True(change.Changed);
        Assert.True(change.Verified);
        Assert.Contains(host.Journal.Entries, e => e.Status == 429);
        Assert.Contains(log.Verbose, line => line.Contains("429; retrying"));
        Assert.Equal(1, host.Journal.Entries.Count(e => e.IsWrite && e.Status == 204));
    }

    [Fact]
    public async Task A_503_and_504_storm_without_Retry_After_is_survived_with_backoff()
    {
        var clock = new SteppedClock(Engine.Graph.GraphRetryPolicy.Default.AttemptTimeout);
        await using var host = await SimulatedTenant.StartAsync(clock);
        host.Faults.ServerErrorRate = 0.4;
        host.Faults.OmitRetryAfter = true;
        host.Faults.Seed = 3;
        using var session = await SimulatedTenant.ConnectAsync(host, clock);

        for (var i = 0; i < 5; i++)
        {
            var policy = await clock.RunAsync(() => AdminPolicyService.For(session).GetAsync(new RecordingLog(), CancellationToken.None));
            Assert.False(policy.AllowedToUseSspr);
        }

        Assert.Contains(host.Journal.Entries, e => e.Status is 503 or 504);
        // 504s carry no Retry-After (the jittered back-off), 503s the simulator's 1 s: every wait from half the base delay to the cap.
        Assert.NotEmpty(clock.Passed);
        Assert.All(clock.Passed, wait => Assert.InRange(wait, TimeSpan.FromMilliseconds(250), Engine.Graph.GraphRetryPolicy.Default.MaxDelay));
    }

    [Fact]
    public async Task Dropped_connections_are_retried()
    {
        var clock = new SteppedClock(Engine.Graph.GraphRetryPolicy.Default.AttemptTimeout);
        await using var host = await SimulatedTenant.StartAsync(clock);
        host.Faults.DropRate = 0.3;
        host.Faults.Seed = 11;
        var log = new RecordingLog();
        using var session = await SimulatedTenant.ConnectAsync(host, clock, log: log);

        for (var i = 0; i < 10; i++)
        {
            Assert.False((await clock.RunAsync(() => AdminPolicyService.For(session).GetAsync(log, CancellationToken.None))).AllowedToUseSspr);
        }

        Assert.Contains(host.Journal.Entries, e => e.Status == 0);
        Assert.Contains(log.Verbose, line => line.Contains("network retry"));
    }

    [Fact]
    public async Task Permanent_throttling_ends_in_a_clear_error_within_the_bound()
    {
        var retry = Engine.Graph.GraphRetryPolicy.Default with { MaxTotalWait = TimeSpan.FromSeconds(20) };
        var clock = new SteppedClock(retry.AttemptTimeout);
        await using var host = await SimulatedTenant.StartAsync(clock);
        host.Faults.ThrottleRate = 1.0;
        host.Faults.RetryAfterSeconds = 3;
        using var session = await SimulatedTenant.ConnectAsync(host, clock, retry: retry);

        var error = await Assert.ThrowsAsync<SsprException>(() => clock.RunAsync(() => AdminPolicyService.For(session).GetAsync(new RecordingLog(), CancellationToken.None)));

        Assert.Equal("GraphThrottled", error.ErrorId);
        Assert.Equal(SsprErrorKind.Throttled, error.Kind);
        // Six waits of Retry-After 3 s fit in the 20 s bound; a seventh would not.
        Assert.Equal(Enumerable.Repeat(TimeSpan.FromSeconds(3), 6), clock.Passed);
        Assert.Equal(7, host.Journal.Entries.Count(e => e.Status == 429));
    }

    [Fact]
    public async Task Cancelling_a_slow_call_stops_it_at_once()
    {
        var clock = new SteppedClock(Engine.Graph.GraphRetryPolicy.Default.AttemptTimeout);
        await using var host = await SimulatedTenant.StartAsync(clock);
        host.Faults.LatencyMs = 20_000;
        using var session = await SimulatedTenant.ConnectAsync(host, clock);
        using var cancel = new CancellationTokenSource();

        var reading = AdminPolicyService.For(session).GetAsync(new RecordingLog(), cancel.Token);
        // The simulator has started its 20 s of latency on the shared clock; no fake time passes.
        Assert.Equal(TimeSpan.FromSeconds(20), await clock.NextWaitAsync());
        cancel.Cancel();

        var error = await Assert.ThrowsAsync<SsprException>(() => reading);
        Assert.Equal(SsprErrorKind.Cancelled, error.Kind);
    }

    [Fact]
    public async Task Truncated_answers_are_read_again_and_the_verdicts_hold()
    {
        await using var host = await SimulatedTenant.StartAsync();
        using var session = await SimulatedTenant.ConnectAsync(host);
        var options = new Engine.Diagnosis.DiagnosisOptions { PasswordWriteback = Engine.Facts.PasswordWritebackState.Enabled };
        var baseline = await DiagnosisRun.Start(session, options).PredictAdminsAsync(true, new RecordingLog(), CancellationToken.None);
        host.Faults.TruncateRate = 0.2;
        host.Faults.Seed = 13;

        var faulted = await DiagnosisRun.Start(session, options).PredictAdminsAsync(true, new RecordingLog(), CancellationToken.None);

        Assert.Equal(baseline.Select(p => (p.UserId, p.Outcome, p.PredictedError)), faulted.Select(p => (p.UserId, p.Outcome, p.PredictedError)));
    }

    [Fact]
    public async Task An_answer_that_is_never_complete_JSON_is_a_clear_error()
    {
        await using var host = await SimulatedTenant.StartAsync();
        using var session = await SimulatedTenant.ConnectAsync(host);
        host.Faults.TruncateRate = 1.0;

        var error = await Assert.ThrowsAsync<SsprException>(() => AdminPolicyService.For(session).GetAsync(new RecordingLog(), CancellationToken.None));

        Assert.Equal("GraphResponseMalformed", error.ErrorId);
    }
}
