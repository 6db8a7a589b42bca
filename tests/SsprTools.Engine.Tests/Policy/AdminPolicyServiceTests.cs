using SsprTools.Engine.Errors;
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

        var policy = await session.AdminPolicy.GetAsync(new RecordingLog(), CancellationToken.None);

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

        var plan = await session.AdminPolicy.PlanAsync(true, log, CancellationToken.None);
        var change = await session.AdminPolicy.ApplyAsync(plan, QuickVerify, log, CancellationToken.None);

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

        var plan = await session.AdminPolicy.PlanAsync(false, log, CancellationToken.None);
        var change = await session.AdminPolicy.ApplyAsync(plan, QuickVerify, log, CancellationToken.None);

        Assert.False(plan.NeedsWrite);
        Assert.False(change.Changed);
        Assert.Equal(0, host.Journal.Writes);
    }

    [Fact]
    public async Task A_change_not_yet_visible_is_reported_unverified_with_a_warning_within_the_bound()
    {
        await using var host = await SimulatedTenant.StartAsync();
        host.Faults.PatchVisibilityDelayMs = 60_000;
        using var session = await SimulatedTenant.ConnectAsync(host);
        var log = new RecordingLog();
        var started = DateTimeOffset.UtcNow;

        var plan = await session.AdminPolicy.PlanAsync(true, log, CancellationToken.None);
        var change = await session.AdminPolicy.ApplyAsync(plan, TimeSpan.FromSeconds(1), log, CancellationToken.None);

        Assert.True(change.Changed);
        Assert.False(change.Verified);
        Assert.Contains(log.Warnings, w => w.Contains("60 minutes"));
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Writing_without_Policy_ReadWrite_Authorization_is_permission_denied_naming_it()
    {
        await using var host = await SimulatedTenant.StartAsync();
        using var session = await SimulatedTenant.ConnectAsync(host, host.IssueToken(scopes: new[] { "Policy.Read.All" }));
        var log = new RecordingLog();
        var plan = await session.AdminPolicy.PlanAsync(true, log, CancellationToken.None);

        var error = await Assert.ThrowsAsync<SsprException>(() => session.AdminPolicy.ApplyAsync(plan, QuickVerify, log, CancellationToken.None));

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

        var error = await Assert.ThrowsAsync<SsprException>(() => session.AdminPolicy.GetAsync(new RecordingLog(), CancellationToken.None));

        Assert.Equal("GraphPermissionDenied", error.ErrorId);
        Assert.Contains("Policy.Read.All", error.Message);
    }

    [Fact]
    public async Task A_token_that_expired_after_connecting_is_unauthorized()
    {
        await using var host = await SimulatedTenant.StartAsync();
        // exp is in whole seconds, so a token lives up to a second less than asked: leave room to connect, then outwait it.
        using var session = await SimulatedTenant.ConnectAsync(host, host.IssueToken(scopes: new[] { "Policy.Read.All" }, lifetime: TimeSpan.FromSeconds(3)));
        await Task.Delay(session.Connection.TokenExpiresOn!.Value - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1.1));

        var error = await Assert.ThrowsAsync<SsprException>(() => session.AdminPolicy.GetAsync(new RecordingLog(), CancellationToken.None));

        Assert.Equal("GraphUnauthorized", error.ErrorId);
        Assert.Equal(SsprErrorKind.AuthenticationFailed, error.Kind);
    }

    [Fact]
    public async Task Verbose_tells_each_graph_call_and_never_the_token()
    {
        await using var host = await SimulatedTenant.StartAsync();
        var log = new RecordingLog();
        using var session = await SimulatedTenant.ConnectAsync(host, log: log);

        var plan = await session.AdminPolicy.PlanAsync(true, log, CancellationToken.None);
        await session.AdminPolicy.ApplyAsync(plan, QuickVerify, log, CancellationToken.None);

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

        var error = await Assert.ThrowsAsync<SsprException>(() => session.AdminPolicy.GetAsync(new RecordingLog(), CancellationToken.None));

        Assert.Equal("GraphUnreachable", error.ErrorId);
        Assert.Equal(SsprErrorKind.ConnectionFailed, error.Kind);
    }
}
