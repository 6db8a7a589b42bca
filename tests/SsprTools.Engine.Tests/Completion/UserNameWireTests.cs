using SsprTools.Engine.Completion;
using SsprTools.Engine.Tests.Support;

namespace SsprTools.Engine.Tests.Completion;

/// <summary>The -UserId completer's $filter on the wire: whatever was typed arrives as one quoted literal, and #EXT# names are offered.</summary>
public class UserNameWireTests
{
    private static readonly TimeSpan Patient = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Every_typed_prefix_arrives_as_the_same_literal_in_both_startswith_clauses()
    {
        await using var host = await SimulatedTenant.StartAsync(RealNames.ScenarioPath);
        var wire = new WireTap();
        using var session = await SimulatedTenant.ConnectAsync(host, wire);
        // Prefixes of real and generated names, cut where the special characters are.
        var prefixes = UpnGenerator.RealShaped.Concat(UpnGenerator.Generate(seed: 41, count: 60))
            .SelectMany(upn => new[] { FirstLetters(upn, 3), upn[..(upn.IndexOf('@') + 1)] })
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        // The Graph read itself, once per prefix (the completer would answer longer prefixes from its cache).
        foreach (var prefix in prefixes)
        {
            await GraphUserNames.FetchAsync(session.Graph.Client, prefix, CancellationToken.None);
        }

        var filters = wire.Requests.Where(r => WireUrl.Path(r.Target) == "/v1.0/users")
            .Select(r => WireUrl.Option(r.Target, "$filter")!).ToList();
        Assert.Equal(prefixes.Count, filters.Count);
        var typed = filters.Select(filter =>
        {
            // startswith(userPrincipalName,'…') or startswith(displayName,'…'), both with the same literal.
            const string Upn = "startswith(userPrincipalName,";
            Assert.StartsWith(Upn, filter);
            var literal = filter[Upn.Length..filter.IndexOf(") or startswith(displayName,", StringComparison.Ordinal)];
            Assert.Equal($"{Upn}{literal}) or startswith(displayName,{literal})", filter);
            return WireUrl.LiteralValue(literal)!;
        });
        Assert.Equal(prefixes.Order(StringComparer.Ordinal), typed.Order(StringComparer.Ordinal));
    }

    // What a user can type: whole characters, never half of a surrogate pair.
    private static string FirstLetters(string text, int count)
    {
        var letters = System.Globalization.StringInfo.GetTextElementEnumerator(text);
        var result = new System.Text.StringBuilder();
        for (var i = 0; i < count && letters.MoveNext(); i++)
        {
            result.Append(letters.GetTextElement());
        }

        return result.ToString();
    }

    [Fact]
    public async Task A_guest_and_a_hash_name_are_offered_whole()
    {
        await using var host = await SimulatedTenant.StartAsync(RealNames.ScenarioPath);
        using var session = await SimulatedTenant.ConnectAsync(host);

        Assert.Equal([RealNames.Guest], SessionUserNames.For(session).Complete("partner_", Patient).Select(s => s.UserPrincipalName));
        Assert.Equal([RealNames.Hash], SessionUserNames.For(session).Complete("ops#", Patient).Select(s => s.UserPrincipalName));
    }
}
