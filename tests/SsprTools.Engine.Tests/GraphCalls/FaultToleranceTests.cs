using SsprTools.Engine.Errors;
using SsprTools.Engine.Tests.Support;

namespace SsprTools.Engine.Tests.GraphCalls;

/// <summary>The policy service against the simulator's injected faults, end to end.</summary>
public class FaultToleranceTests
{
    [Fact]
    public async Task A_429_storm_with_Retry_After_still_reads_and_writes_correctly()
    {
        await using var host = await SimulatedTenant.StartAsync();
        host.Faults.ThrottleRate = 0.3;
        host.Faults.RetryAfterSeconds = 1;
        host.Faults.Seed = 7;
        var log = new RecordingLog();
        using var session = await SimulatedTenant.ConnectAsync(host, log: log);

        var plan = await session.AdminPolicy.PlanAsync(true, log, CancellationToken.None);
        var change = await session.AdminPolicy.ApplyAsync(plan, TimeSpan.FromSeconds(20), log, CancellationToken.None);

        Assert.True(change.Changed);
        Assert.True(change.Verified);
        Assert.Contains(host.Journal.Entries, e => e.Status == 429);
        Assert.Contains(log.Verbose, line => line.Contains("429; retrying"));
        Assert.Equal(1, host.Journal.Entries.Count(e => e.IsWrite && e.Status == 204));
    }

    [Fact]
    public async Task A_503_and_504_storm_without_Retry_After_is_survived_with_backoff()
    {
        await using var host = await SimulatedTenant.StartAsync();
        host.Faults.ServerErrorRate = 0.4;
        host.Faults.OmitRetryAfter = true;
        host.Faults.Seed = 3;
        using var session = await SimulatedTenant.ConnectAsync(host);

        for (var i = 0; i < 5; i++)
        {
            var policy = await session.AdminPolicy.GetAsync(new RecordingLog(), CancellationToken.None);
            Assert.False(policy.AllowedToUseSspr);
        }

        Assert.Contains(host.Journal.Entries, e => e.Status is 503 or 504);
    }

    [Fact]
    public async Task Dropped_connections_are_retried()
    {
        await using var host = await SimulatedTenant.StartAsync();
        host.Faults.DropRate = 0.3;
        host.Faults.Seed = 11;
        var log = new RecordingLog();
        using var session = await SimulatedTenant.ConnectAsync(host, log: log);

        for (var i = 0; i < 10; i++)
        {
            Assert.False((await session.AdminPolicy.GetAsync(log, CancellationToken.None)).AllowedToUseSspr);
        }

        Assert.Contains(host.Journal.Entries, e => e.Status == 0);
        Assert.Contains(log.Verbose, line => line.Contains("network retry"));
    }

    [Fact]
    public async Task Permanent_throttling_ends_in_a_clear_error_within_the_bound()
    {
        await using var host = await SimulatedTenant.StartAsync();
        host.Faults.ThrottleRate = 1.0;
        host.Faults.RetryAfterSeconds = 1;
        using var session = await Engine.Connection.SsprSession.ConnectAsync(
            new Engine.Connection.ConnectionRequest
            {
                Method = Engine.Connection.SignInMethod.AccessToken,
                GraphEndpoint = host.BaseUrl,
                AccessToken = TestTokens.Secure(host.DefaultToken),
                Retry = Engine.Graph.GraphRetryPolicy.Default with { MaxTotalWait = TimeSpan.FromSeconds(2) },
            },
            new RecordingLog(),
            CancellationToken.None);

        var error = await Assert.ThrowsAsync<SsprException>(() => session.AdminPolicy.GetAsync(new RecordingLog(), CancellationToken.None));

        Assert.Equal("GraphThrottled", error.ErrorId);
        Assert.Equal(SsprErrorKind.Throttled, error.Kind);
    }

    [Fact]
    public async Task Cancelling_a_slow_call_stops_it_at_once()
    {
        await using var host = await SimulatedTenant.StartAsync();
        host.Faults.LatencyMs = 20_000;
        using var session = await SimulatedTenant.ConnectAsync(host);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<SsprException>(() => session.AdminPolicy.GetAsync(new RecordingLog(), cancel.Token));

        Assert.Equal(SsprErrorKind.Cancelled, error.Kind);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Truncated_answers_are_read_again_and_the_verdicts_hold()
    {
        await using var host = await SimulatedTenant.StartAsync();
        using var session = await SimulatedTenant.ConnectAsync(host);
        var options = new Engine.Diagnosis.DiagnosisOptions { PasswordWriteback = Engine.Facts.PasswordWritebackState.Enabled };
        var baseline = await session.StartDiagnosis(options).PredictAdminsAsync(true, new RecordingLog(), CancellationToken.None);
        host.Faults.TruncateRate = 0.2;
        host.Faults.Seed = 13;

        var faulted = await session.StartDiagnosis(options).PredictAdminsAsync(true, new RecordingLog(), CancellationToken.None);

        Assert.Equal(baseline.Select(p => (p.UserId, p.Outcome, p.PredictedError)), faulted.Select(p => (p.UserId, p.Outcome, p.PredictedError)));
    }

    [Fact]
    public async Task An_answer_that_is_never_complete_JSON_is_a_clear_error()
    {
        await using var host = await SimulatedTenant.StartAsync();
        using var session = await SimulatedTenant.ConnectAsync(host);
        host.Faults.TruncateRate = 1.0;

        var error = await Assert.ThrowsAsync<SsprException>(() => session.AdminPolicy.GetAsync(new RecordingLog(), CancellationToken.None));

        Assert.Equal("GraphResponseMalformed", error.ErrorId);
    }
}
