using SsprTools.Engine.Completion;
using SsprTools.Engine.Tests.Support;

namespace SsprTools.Engine.Tests.Completion;

/// <summary>-UserId completion against the simulated tenant: what Graph is asked, and when it is not asked at all.</summary>
public class UserNameCompleterTests
{
    private static readonly TimeSpan Patient = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Offers_the_tenants_users_whose_UPN_starts_with_what_was_typed()
    {
        await using var host = await SimulatedTenant.StartAsync();
        using var session = await SimulatedTenant.ConnectAsync(host);

        var offered = SessionUserNames.For(session).Complete("G", Patient);

        Assert.Equal(
            new[] { "gina.group@contoso.com", "grace.admin@contoso.com", "gus_fabrikam.example#EXT#@contoso.onmicrosoft.com" },
            offered.Select(user => user.UserPrincipalName));
        Assert.Equal("Grace Admin", offered.Single(user => user.UserPrincipalName.StartsWith("grace")).DisplayName);
        var request = Assert.Single(host.Journal.Entries, e => e.Path == "/v1.0/users");
        Assert.Contains("$filter=startswith(userPrincipalName,'G') or startswith(displayName,'G')", Uri.UnescapeDataString(request.Query));
        Assert.Contains("$top=25", Uri.UnescapeDataString(request.Query));
        Assert.Equal(200, request.Status);
    }

    [Fact]
    public async Task Asks_Graph_once_per_prefix_and_answers_longer_prefixes_from_a_complete_answer()
    {
        await using var host = await SimulatedTenant.StartAsync();
        using var session = await SimulatedTenant.ConnectAsync(host);

        SessionUserNames.For(session).Complete("g", Patient);
        var again = SessionUserNames.For(session).Complete("g", Patient);
        var narrower = SessionUserNames.For(session).Complete("gra", Patient);

        Assert.Equal(3, again.Count);
        Assert.Equal("grace.admin@contoso.com", Assert.Single(narrower).UserPrincipalName);
        Assert.Single(host.Journal.Entries, e => e.Path == "/v1.0/users");
    }

    [Fact]
    public async Task Quotes_an_apostrophe_so_the_filter_stays_one_literal()
    {
        await using var host = await SimulatedTenant.StartAsync();
        using var session = await SimulatedTenant.ConnectAsync(host);

        var offered = SessionUserNames.For(session).Complete("o'neil", Patient);

        Assert.Empty(offered);
        var request = Assert.Single(host.Journal.Entries, e => e.Path == "/v1.0/users");
        Assert.Equal(200, request.Status);
        Assert.Contains("startswith(userPrincipalName,'o''neil') or startswith(displayName,'o''neil')", Uri.UnescapeDataString(request.Query));
    }

    [Fact]
    public async Task Offers_the_UPN_of_a_user_whose_display_name_starts_with_what_was_typed()
    {
        await using var host = await SimulatedTenant.StartAsync();
        using var session = await SimulatedTenant.ConnectAsync(host);

        var offered = SessionUserNames.For(session).Complete("Grace A", Patient);

        var grace = Assert.Single(offered);
        Assert.Equal(("grace.admin@contoso.com", "Grace Admin"), (grace.UserPrincipalName, grace.DisplayName));
    }

    [Fact]
    public void Lists_UPN_matches_before_display_name_matches_and_narrows_on_both()
    {
        var completer = new UserNameCompleter((prefix, _) => Task.FromResult(new UserNameAnswer(
            Users(("zed@contoso.com", "Mark Zed"), ("mark.b@contoso.com", "Bea Mark"), ("ann@contoso.com", "Marta Ann"), ("mark.a@contoso.com", null)),
            IsComplete: true)));

        var offered = completer.Complete("mar", Patient);
        var narrower = completer.Complete("mart", Patient);

        Assert.Equal(["mark.a@contoso.com", "mark.b@contoso.com", "ann@contoso.com", "zed@contoso.com"], offered.Select(u => u.UserPrincipalName));
        Assert.Equal(["ann@contoso.com"], narrower.Select(u => u.UserPrincipalName));
    }

    [Fact]
    public async Task Offers_nothing_for_an_object_id_and_does_not_ask_Graph()
    {
        await using var host = await SimulatedTenant.StartAsync();
        using var session = await SimulatedTenant.ConnectAsync(host);

        var offered = SessionUserNames.For(session).Complete(Guid.NewGuid().ToString(), Patient);

        Assert.Empty(offered);
        Assert.DoesNotContain(host.Journal.Entries, e => e.Path == "/v1.0/users");
    }

    [Fact]
    public async Task Without_permission_to_read_users_offers_nothing_and_does_not_throw()
    {
        await using var host = await SimulatedTenant.StartAsync();
        using var session = await SimulatedTenant.ConnectAsync(host, host.IssueToken(roles: new[] { "Policy.Read.All" }));

        var first = SessionUserNames.For(session).Complete("g", Patient);
        var second = SessionUserNames.For(session).Complete("g", Patient);

        Assert.Empty(first);
        Assert.Empty(second);
        // A failed lookup is not cached: the next Tab asks again (the permission may have been granted since).
        Assert.Equal(2, host.Journal.Entries.Count(e => e.Path == "/v1.0/users" && e.Status == 403));
    }

    [Fact]
    public async Task When_Graph_is_slower_than_the_wait_returns_at_once_and_the_next_Tab_gets_the_answer()
    {
        await using var host = await SimulatedTenant.StartAsync();
        using var session = await SimulatedTenant.ConnectAsync(host);
        host.Faults.LatencyMs = 1500;

        var impatient = SessionUserNames.For(session).Complete("gr", TimeSpan.FromMilliseconds(50));
        var later = SessionUserNames.For(session).Complete("gr", Patient);

        Assert.Empty(impatient);
        Assert.Equal("grace.admin@contoso.com", Assert.Single(later).UserPrincipalName);
        // The second Tab joined the lookup the first one started instead of sending another.
        Assert.Single(host.Journal.Entries, e => e.Path == "/v1.0/users");
    }

    [Fact]
    public async Task While_a_narrower_lookup_runs_offers_what_a_shorter_prefix_already_returned()
    {
        var gate = new TaskCompletionSource<UserNameAnswer>();
        var completer = new UserNameCompleter((prefix, _) => prefix == "a"
            ? Task.FromResult(new UserNameAnswer(Users("alex@contoso.com", "anna@contoso.com", "amy@contoso.com"), IsComplete: false))
            : gate.Task);

        completer.Complete("a", Patient);
        var whileWaiting = completer.Complete("an", TimeSpan.FromMilliseconds(20));
        gate.SetResult(new UserNameAnswer(Users("anna@contoso.com", "andy@contoso.com"), IsComplete: true));
        var answered = completer.Complete("an", Patient);

        Assert.Equal(new[] { "anna@contoso.com" }, whileWaiting.Select(u => u.UserPrincipalName));
        Assert.Equal(new[] { "andy@contoso.com", "anna@contoso.com" }, answered.Select(u => u.UserPrincipalName));
    }

    [Fact]
    public async Task An_incomplete_answer_does_not_stand_in_for_a_longer_prefix()
    {
        var asked = new List<string>();
        var completer = new UserNameCompleter((prefix, _) =>
        {
            lock (asked) { asked.Add(prefix); }
            return Task.FromResult(new UserNameAnswer(Users(prefix + "1@contoso.com"), IsComplete: prefix != "a"));
        });

        completer.Complete("a", Patient);
        completer.Complete("ab", Patient);
        completer.Complete("abc", Patient);

        Assert.Equal(new[] { "a", "ab" }, asked);
        await Task.CompletedTask;
    }

    [Fact]
    public void Answers_expire_so_new_users_appear()
    {
        var now = DateTimeOffset.Parse("2026-11-25T10:00:00Z");
        var calls = 0;
        var completer = new UserNameCompleter(
            (_, _) => Task.FromResult(new UserNameAnswer(Users($"user{Interlocked.Increment(ref calls)}@contoso.com"), IsComplete: true)),
            () => now);

        var first = completer.Complete("user", Patient);
        now += UserNameCompleter.Lifetime - TimeSpan.FromSeconds(1);
        var cached = completer.Complete("user", Patient);
        now += TimeSpan.FromSeconds(2);
        var renewed = completer.Complete("user", Patient);

        Assert.Equal("user1@contoso.com", first.Single().UserPrincipalName);
        Assert.Equal("user1@contoso.com", cached.Single().UserPrincipalName);
        Assert.Equal("user2@contoso.com", renewed.Single().UserPrincipalName);
        Assert.Equal(2, calls);
    }

    private static IReadOnlyList<UserNameSuggestion> Users(params string[] upns) =>
        upns.Select(upn => new UserNameSuggestion(upn, null)).ToList();

    private static IReadOnlyList<UserNameSuggestion> Users(params (string Upn, string? DisplayName)[] users) =>
        users.Select(user => new UserNameSuggestion(user.Upn, user.DisplayName)).ToList();
}
