using SsprTools.Engine.Errors;
using SsprTools.Engine.Graph;
using SsprTools.Engine.Policy;
using SsprTools.Engine.Tests.Support;

namespace SsprTools.Engine.Tests.Policy;

public class AdminPolicyServiceTests
{
    private static readonly TimeSpan QuickVerify = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Reads_the_switch_off_in_the_seed_tenant_with_its_source()
    {
        await using var host = await SimulatedTenant.StartAsync();
        using var session = await SimulatedTenant.ConnectAsync(host);

        var policy = await AdminPolicyService.For(session).GetAsync(new RecordingLog(), CancellationToken.None);

        Assert.False(policy.AllowedToUseSspr);
        Assert.Equal(host.TenantId, policy.TenantId);
        Assert.Equal($"GET {host.BaseUrl.ToString().TrimEnd('/')}/v1.0/policies/authorizationPolicy", policy.Source);
    }

    [Fact]
    public async Task Enabling_patches_only_allowedToUseSSPR_and_verifies_by_reading_back()
    {
        await using var host = await SimulatedTenant.StartAsync();
        using var session = await SimulatedTenant.ConnectAsync(host);
        var log = new RecordingLog();

        var plan = await AdminPolicyService.For(session).PlanAsync(true, log, CancellationToken.None);
        var change = await AdminPolicyService.For(session).ApplyAsync(plan, QuickVerify, log, CancellationToken.None);

        Assert.True(change.Changed);
        Assert.True(change.Verified);
        Assert.False(change.Before);
        Assert.True(change.After);
        var write = Assert.Single(host.Journal.Entries, e => e.IsWrite);
        Assert.Equal("PATCH", write.Method);
        Assert.Equal("/v1.0/policies/authorizationPolicy", write.Path);
        Assert.Equal(204, write.Status);
        Assert.Equal("{\"allowedToUseSSPR\":true}", write.Body!.ToJsonString());
    }

    [Fact]
    public async Task Already_in_the_wanted_state_sends_no_write()
    {
        await using var host = await SimulatedTenant.StartAsync();
        using var session = await SimulatedTenant.ConnectAsync(host);
        var log = new RecordingLog();

        var plan = await AdminPolicyService.For(session).PlanAsync(false, log, CancellationToken.None);
        var change = await AdminPolicyService.For(session).ApplyAsync(plan, QuickVerify, log, CancellationToken.None);

        Assert.False(plan.NeedsWrite);
        Assert.False(change.Changed);
        Assert.Equal(0, host.Journal.Writes);
    }

    [Fact]
    public async Task A_change_not_yet_visible_is_reported_unverified_with_a_warning_within_the_bound()
    {
        // One fake clock for the simulator's visibility lag and the engine's read-back: 60 minutes of lag, 15 s to verify.
        var clock = new SteppedClock(Engine.Graph.GraphRetryPolicy.Default.AttemptTimeout);
        await using var host = await SimulatedTenant.StartAsync(clock);
        host.Faults.PatchVisibilityDelayMs = 60 * 60 * 1000;
        using var session = await SimulatedTenant.ConnectAsync(host, clock);
        var log = new RecordingLog();

        var plan = await AdminPolicyService.For(session).PlanAsync(true, log, CancellationToken.None);
        var change = await clock.RunAsync(() => AdminPolicyService.For(session).ApplyAsync(plan, TimeSpan.FromSeconds(15), log, CancellationToken.None));

        Assert.True(change.Changed);
        Assert.False(change.Verified);
        Assert.Contains(log.Warnings, w => w.Contains("60 minutes"));
        // The read-back waited out exactly its bound (pauses doubling from 250 ms, the last one cut to what was left).
        Assert.Equal(TimeSpan.FromSeconds(15), clock.Elapsed);
        Assert.Equal(TimeSpan.FromMilliseconds(250), clock.Passed[0]);
        Assert.Equal(SteppedClock.Origin + TimeSpan.FromSeconds(15), change.Timestamp);
    }

    [Fact]
    public async Task A_change_that_becomes_visible_during_the_read_back_is_verified_when_it_shows()
    {
        var clock = new SteppedClock(Engine.Graph.GraphRetryPolicy.Default.AttemptTimeout);
        await using var host = await SimulatedTenant.StartAsync(clock);
        host.Faults.PatchVisibilityDelayMs = 3_000;
        using var session = await SimulatedTenant.ConnectAsync(host, clock);
        var log = new RecordingLog();

        var plan = await AdminPolicyService.For(session).PlanAsync(true, log, CancellationToken.None);
        var change = await clock.RunAsync(() => AdminPolicyService.For(session).ApplyAsync(plan, TimeSpan.FromSeconds(15), log, CancellationToken.None));

        Assert.True(change.Verified);
        Assert.Empty(log.Warnings);
        // Pauses of 250, 500, 1000 and 2000 ms: the fourth read, 3.75 s after the PATCH, is the first past the 3 s lag.
        Assert.Equal(new[] { 250, 500, 1000, 2000 }, clock.Passed.Select(p => (int)p.TotalMilliseconds));
        // One read for the plan, five read-backs.
        Assert.Equal(6, host.Journal.Entries.Count(e => e.Method == "GET" && e.Path.EndsWith("authorizationPolicy", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Writing_without_Policy_ReadWrite_Authorization_is_permission_denied_naming_it()
    {
        await using var host = await SimulatedTenant.StartAsync();
        using var session = await SimulatedTenant.ConnectAsync(host, host.IssueToken(scopes: new[] { "Policy.Read.All" }));
        var log = new RecordingLog();
        var plan = await AdminPolicyService.For(session).PlanAsync(true, log, CancellationToken.None);

        var error = await Assert.ThrowsAsync<SsprException>(() => AdminPolicyService.For(session).ApplyAsync(plan, QuickVerify, log, CancellationToken.None));

        Assert.Equal("GraphPermissionDenied", error.ErrorId);
        Assert.Equal(SsprErrorKind.PermissionDenied, error.Kind);
        Assert.Contains("Policy.ReadWrite.Authorization", error.Message);
        Assert.Equal(403, error.GraphStatus);
    }

    [Fact]
    public async Task Reading_without_any_policy_permission_is_permission_denied()
    {
        await using var host = await SimulatedTenant.StartAsync();
        using var session = await SimulatedTenant.ConnectAsync(host, host.IssueToken(scopes: new[] { "User.Read.All" }));

        var error = await Assert.ThrowsAsync<SsprException>(() => AdminPolicyService.For(session).GetAsync(new RecordingLog(), CancellationToken.None));

        Assert.Equal("GraphPermissionDenied", error.ErrorId);
        Assert.Contains("Policy.Read.All", error.Message);
    }

    [Fact]
    public async Task A_token_that_expired_after_connecting_is_unauthorized()
    {
        var clock = new SteppedClock();
        await using var host = await SimulatedTenant.StartAsync(clock);
        using var session = await SimulatedTenant.ConnectAsync(host, clock, host.IssueToken(scopes: new[] { "Policy.Read.All" }, lifetime: TimeSpan.FromHours(1)));
        Assert.False((await AdminPolicyService.For(session).GetAsync(new RecordingLog(), CancellationToken.None)).AllowedToUseSspr);

        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var error = await Assert.ThrowsAsync<SsprException>(() => AdminPolicyService.For(session).GetAsync(new RecordingLog(), CancellationToken.None));

        Assert.Equal("GraphUnauthorized", error.ErrorId);
        Assert.Equal(SsprErrorKind.AuthenticationFailed, error.Kind);
    }

    [Fact]
    public async Task Connecting_with_a_token_expired_on_the_sessions_clock_is_refused()
    {
        // The token's exp lies years after the real clock: only an expiry check on the session's clock refuses it.
        var clock = new SteppedClock();
        await using var host = await SimulatedTenant.StartAsync(clock);
        var token = host.IssueToken(lifetime: TimeSpan.FromMinutes(30));
        clock.Advance(TimeSpan.FromMinutes(31));

        var error = await Assert.ThrowsAsync<SsprException>(() => SimulatedTenant.ConnectAsync(host, clock, token));

        Assert.Equal("AccessTokenExpired", error.ErrorId);
    }

    [Fact]
    public async Task Evidence_and_connection_times_come_from_the_sessions_clock()
    {
        var clock = new SteppedClock();
        await using var host = await SimulatedTenant.StartAsync(clock);
        using var session = await SimulatedTenant.ConnectAsync(host, clock);
        clock.Advance(TimeSpan.FromMinutes(5));

        var policy = await AdminPolicyService.For(session).GetAsync(new RecordingLog(), CancellationToken.None);

        Assert.Equal(SteppedClock.Origin, session.Connection.ConnectedAt);
        Assert.Equal(SteppedClock.Origin.AddMinutes(5), policy.RetrievedAt);
    }

    [Fact]
    public async Task Verbose_tells_each_graph_call_and_never_the_token()
    {
        await using var host = await SimulatedTenant.StartAsync();
        var log = new RecordingLog();
        using var session = await SimulatedTenant.ConnectAsync(host, log: log);

        var plan = await AdminPolicyService.For(session).PlanAsync(true, log, CancellationToken.None);
        await AdminPolicyService.For(session).ApplyAsync(plan, QuickVerify, log, CancellationToken.None);

        Assert.Contains(log.Verbose, line => line.StartsWith("Graph GET /v1.0/policies/authorizationPolicy", StringComparison.Ordinal) && line.Contains("-> 200"));
        Assert.Contains(log.Verbose, line => line.StartsWith("Graph PATCH /v1.0/policies/authorizationPolicy", StringComparison.Ordinal) && line.Contains("-> 204"));
        var payload = host.DefaultToken.Split('.')[1];
        Assert.DoesNotContain(log.All, line => line.Contains(payload, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_a_connection_failure()
    {
        await using var host = await SimulatedTenant.StartAsync();
        var closedPort = new Uri("http://127.0.0.1:1/");
        using var session = await SimulatedTenant.ConnectAsync(closedPort, host.DefaultToken);

        var error = await Assert.ThrowsAsync<SsprException>(() => AdminPolicyService.For(session).GetAsync(new RecordingLog(), CancellationToken.None));

        Assert.Equal("GraphUnreachable", error.ErrorId);
        Assert.Equal(SsprErrorKind.ConnectionFailed, error.Kind);
    }
}
