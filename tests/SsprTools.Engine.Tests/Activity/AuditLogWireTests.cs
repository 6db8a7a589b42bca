using SsprTools.Engine.Activity;
using SsprTools.Engine.Graph;
using SsprTools.Engine.Tests.Support;
using SsprTools.Model;

namespace SsprTools.Engine.Tests.Activity;

/// <summary>The reader and the assembler against the simulator's audit log (scenario "activity").</summary>
public class AuditLogWireTests
{
    private static async Task<List<SsprResetAttempt>> ReadAllAsync(string? userId = null)
    {
        await using var host = await SimulatedTenant.StartAsync("activity");
        using var session = await SimulatedTenant.ConnectAsync(host);
        var reader = new AuditLogReader(session.Graph.Client, new GraphReader(session.Graph.ServiceRoot, session.Graph.Clock));
        var assembler = new JourneyAssembler();
        var attempts = new List<SsprResetAttempt>();
        var log = new RecordingLog();
        await reader.ReadAsync(session.Graph.Clock.GetUtcNow().AddDays(-30), userId, e => attempts.AddRange(assembler.Add(e)), log, CancellationToken.None);
        attempts.AddRange(assembler.Complete());
        return attempts;
    }

    [Fact]
    public async Task EveryJourneyOfTheWindowComesBackWithItsOutcome()
    {
        var attempts = await ReadAllAsync();

        var byUser = attempts.ToLookup(a => a.UserPrincipalName, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(ResetAttemptOutcome.Succeeded, Assert.Single(byUser["carla.cloud@contoso.com"]).Outcome);
        Assert.Equal(new[] { ResetAttemptOutcome.Failed, ResetAttemptOutcome.Blocked }, byUser["alex.wilber@contoso.com"].OrderByDescending(a => a.StartedAt).Select(a => a.Outcome));
        Assert.Equal("SSPR_0010", byUser["alex.wilber@contoso.com"].OrderByDescending(a => a.StartedAt).First().ErrorCode);
        Assert.Equal("SSPR_0009", Assert.Single(byUser["grace.admin@contoso.com"]).ErrorCode);
        Assert.Equal(ResetAttemptOutcome.Abandoned, Assert.Single(byUser["paul.pim@contoso.com"]).Outcome);
        Assert.Empty(byUser["henry.helpdesk@contoso.com"]); // 40 days old: beyond retention
        Assert.All(attempts, a => Assert.NotEqual("", a.UserId));
    }

    [Fact]
    public async Task OneUsersReadReturnsOnlyTheirJourneys()
    {
        var alex = (await ReadAllAsync()).First(a => a.UserPrincipalName == "alex.wilber@contoso.com").UserId;

        var attempts = await ReadAllAsync(alex);

        Assert.Equal(2, attempts.Count);
        Assert.All(attempts, a => Assert.Equal(alex, a.UserId));
    }
}
