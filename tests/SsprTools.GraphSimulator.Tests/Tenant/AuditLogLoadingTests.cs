using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using SsprTools.GraphSimulator.Tenant;
using Xunit.Abstractions;

namespace SsprTools.GraphSimulator.Tests.Tenant;

/// <summary>The scenario's auditLog section: journeys expand into steps, events resolve users, mistakes are named.</summary>
public sealed class AuditLogLoadingTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Now = ActivityScenario.Now;

    private static TenantState Load(string auditLogJson)
    {
        var json = $$"""
            {"tenantId": "a1c2e3f4-0b1d-4e2f-8a3b-5c6d7e8f9a0b",
             "users": [{"userPrincipalName": "dave@contoso.com", "displayName": "Dave Diaz"}],
             "auditLog": {{auditLogJson}} }
            """;
        return TenantBuilder.Build(ScenarioLoader.Parse("audit.json", json), new FakeTimeProvider(Now));
    }

    private static IReadOnlyList<AuditEvent> Events(TenantState tenant) => tenant.AuditLog.Kept(tenant, Now);

    [Fact]
    public void A_journey_expands_into_steps_that_share_a_correlationId()
    {
        var tenant = Load("""{"journeys": [{"user": "dave@contoso.com", "start": "-P1DT2H", "outcome": "failed", "stepSeconds": 10, "steps": ["User submitted their user ID", "User was presented with verification options"], "reason": "Nope"}]}""");
        var events = Events(tenant).OrderBy(e => e.ActivityDateTime).ToList();
        Assert.Equal(3, events.Count);
        Assert.Single(events.Select(e => e.CorrelationId).Distinct());
        Assert.Equal([Now.AddHours(-26), Now.AddHours(-26).AddSeconds(10), Now.AddHours(-26).AddSeconds(20)], events.Select(e => e.ActivityDateTime));
        Assert.Equal(["success", "success", "failure"], events.Select(e => e.Result));
        Assert.Equal("Nope", events[^1].ResultReason);
        Assert.All(events, e => Assert.Equal(("dave@contoso.com", "Dave Diaz"), (e.InitiatedByUser!.UserPrincipalName!, e.TargetResources.Single().DisplayName!)));
        Assert.Equal(3, events.Select(e => e.Id).Distinct().Count());
    }

    [Theory]
    [InlineData("succeeded", 6, "Reset password (self-service)")]
    [InlineData("failed", 2, "Self-service password reset flow activity progress")]
    [InlineData("blocked", 4, "Blocked from self-service password reset")]
    [InlineData("abandoned", 2, "Self-service password reset flow activity progress")]
    public void Each_outcome_has_its_typical_steps_and_closing_event(string outcome, int count, string last)
    {
        var tenant = Load($$"""{"journeys": [{"user": "dave@contoso.com", "start": "2031-02-28T10:00:00Z", "outcome": "{{outcome}}"}]}""");
        var events = Events(tenant).OrderBy(e => e.ActivityDateTime).ToList();
        Assert.Equal(count, events.Count);
        Assert.Equal(last, events[^1].ActivityDisplayName);
        Assert.Equal(new DateTimeOffset(2031, 2, 28, 10, 0, 0, TimeSpan.Zero), events[0].ActivityDateTime);
    }

    [Fact]
    public void Events_resolve_scenario_users_and_keep_other_actors_without_an_id()
    {
        var tenant = Load("""{"events": [{"at": "-PT1H", "activity": "Reset password", "service": "Core Directory", "by": "fim_password_service@support.onmicrosoft.com", "targets": [{"user": "dave@contoso.com"}], "details": {"OnPremisesAgent": "None"}}]}""");
        var e = Assert.Single(Events(tenant));
        Assert.Null(e.InitiatedByUser!.Id);
        Assert.Equal(tenant.FindUser("dave@contoso.com")!.Id, e.TargetResources.Single().Id);
        Assert.StartsWith("Directory_" + e.CorrelationId + "_", e.Id);
        Assert.Equal(KeyValuePair.Create("OnPremisesAgent", "None"), e.AdditionalDetails.Single());
    }

    [Theory]
    [InlineData("""{"journeys": [{"user": "nobody@contoso.com", "start": "-P1D", "outcome": "failed"}]}""", "nobody@contoso.com")]
    [InlineData("""{"journeys": [{"user": "dave@contoso.com", "start": "-P1D", "outcome": "cancelled"}]}""", "cancelled")]
    [InlineData("""{"journeys": [{"user": "dave@contoso.com", "start": "yesterday", "outcome": "failed"}]}""", "yesterday")]
    [InlineData("""{"events": [{"at": "-P1D"}]}""", "no activity")]
    [InlineData("""{"events": [{"at": "-P1D", "activity": "Reset password", "targets": [{"user": "ghost"}]}]}""", "ghost")]
    public void Mistakes_are_named(string auditLog, string named)
    {
        var error = Assert.Throws<ScenarioException>(() => Load(auditLog));
        Assert.Contains(named, error.Message);
    }

    [Theory]
    [InlineData("""{"auditLog": {"journeys": null}}""", "auditLog.journeys")]
    [InlineData("""{"auditLog": {"events": [null]}}""", "auditLog.events")]
    [InlineData("""{"auditLog": {"settings": null}}""", "auditLog.settings")]
    public void Null_lists_are_the_wrong_shape(string json, string named)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("audit.json", json));
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void The_shipped_activity_scenario_loads_every_outcome()
    {
        var file = ScenarioLoader.Read(new SimulatorOptions { Scenario = "activity" });
        Assert.Equal(["abandoned", "blocked", "failed", "succeeded"], file.AuditLog!.Journeys.Select(j => j.Outcome).Distinct().Order());
        var tenant = TenantBuilder.Build(file, new FakeTimeProvider(Now));
        Assert.Equal(ActivityScenario.KeptOnPremium, Events(tenant).Count);
        Assert.Equal(ActivityScenario.KeptOnPremium + 2, tenant.AuditLog.Count); // Henry's journey is past retention
    }

    [Fact]
    public void The_generator_makes_exactly_the_requested_SSPR_events_over_30_days_quickly()
    {
        var watch = Stopwatch.StartNew();
        var file = ScenarioLoader.Read(new SimulatorOptions { Scenario = "large", Users = 10_000, Admins = 500, AuditEvents = 20_000 });
        var tenant = TenantBuilder.Build(file, new FakeTimeProvider(Now));
        watch.Stop();
        output.WriteLine($"10,000 users and 20,000 SSPR audit events generated and built in {watch.ElapsedMilliseconds} ms; {tenant.AuditLog.Count} records in all.");

        var events = Events(tenant);
        Assert.Equal(tenant.AuditLog.Count, events.Count); // all within 30 days of now
        var sspr = events.Where(e => e.LoggedByService == "Self-service Password Management").ToList();
        Assert.Equal(20_000, sspr.Count);
        var closing = sspr.GroupBy(e => e.CorrelationId).Select(j => j.OrderBy(e => e.ActivityDateTime).Last()).ToList();
        foreach (var kind in new[] { "Reset password (self-service)", "Blocked from self-service password reset", "Reset password (by admin)" })
            Assert.Contains(closing, e => e.ActivityDisplayName == kind);
        Assert.Contains(closing, e => e.Result == "failure");
        // Each successful reset is followed by the Core Directory write, with its own correlationId.
        Assert.Equal(closing.Count(e => e.ActivityDisplayName == "Reset password (self-service)"), events.Count(e => e.LoggedByService == "Core Directory"));
        Assert.True(events.Min(e => e.ActivityDateTime) > Now.AddDays(-30));

        var again = TenantBuilder.Build(ScenarioLoader.Read(new SimulatorOptions { Scenario = "large", Users = 10_000, Admins = 500, AuditEvents = 20_000 }), new FakeTimeProvider(Now));
        Assert.Equal(events.Select(e => e.Id), Events(again).Select(e => e.Id)); // same seed, same log
    }
}
