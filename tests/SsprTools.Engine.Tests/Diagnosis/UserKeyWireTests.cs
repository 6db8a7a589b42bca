using SsprTools.Engine.Connection;
using SsprTools.Engine.Diagnosis;
using SsprTools.Engine.Tests.Support;
using SsprTools.GraphSimulator;

namespace SsprTools.Engine.Tests.Diagnosis;

/// <summary>
/// User keys (UPNs, object ids, on-premises anchors) as the engine puts them on the wire, read back as Graph reads a
/// URL. The assertions are on the recorded requests, so a simulator that reads URLs more leniently than Graph
/// cannot make a wrong encoding pass.
/// </summary>
public class UserKeyWireTests
{
    private static List<UserReference> Users(IEnumerable<string> names) => names.Select(n => UserReference.TryParse(n)!).ToList();

    private static async Task<(SimulatorHost Host, Engine.Connection.SsprSession Session, WireTap Wire)> ConnectAsync()
    {
        var host = await SimulatedTenant.StartAsync(RealNames.ScenarioPath);
        var wire = new WireTap();
        return (host, await SimulatedTenant.ConnectAsync(host, wire), wire);
    }

    /// <summary>The user key of a lookup step: the segment after /users, or the UPN in a $filter=userPrincipalName eq '…' step.</summary>
    private static (string Key, bool ByFilter) LookupKey(string url)
    {
        if (WireUrl.Path(url) != "/users")
        {
            return (WireUrl.SegmentAfter(url, "users"), false);
        }

        var filter = WireUrl.Option(url, "$filter")!;
        const string Prefix = "userPrincipalName eq ";
        Assert.StartsWith(Prefix, filter);
        var literal = WireUrl.LiteralValue(filter[Prefix.Length..]);
        Assert.True(literal is not null, $"not one OData literal: {filter}");
        return (literal!, true);
    }

    private static bool IsLookup(string url) =>
        WireUrl.Path(url) is var path && path.StartsWith("/users", StringComparison.Ordinal) && path.Count(c => c == '/') <= 2
        && !path.EndsWith("/$count", StringComparison.Ordinal);

    [Fact]
    public async Task A_guest_lookup_step_carries_the_whole_UPN_with_its_hash_percent_encoded()
    {
        var (host, session, wire) = await ConnectAsync();
        await using var _ = host;
        using var __ = session;

        var result = (await DiagnosisRun.Start(session, new DiagnosisOptions()).PredictAsync(Users([RealNames.Guest]), new RecordingLog(), CancellationToken.None)).Single();

        var lookup = Assert.Single(wire.StepUrls, IsLookup);
        Assert.Equal("/users/partner_fabrikam.com%23EXT%23%40contoso.com", WireUrl.Path(lookup));
        Assert.Equal(RealNames.Guest, result.Prediction?.UserPrincipalName);
    }

    [Fact]
    public async Task Every_generated_UPN_reaches_the_wire_whole_in_exactly_one_lookup_step()
    {
        var (host, session, wire) = await ConnectAsync();
        await using var _ = host;
        using var __ = session;
        var upns = UpnGenerator.RealShaped.Concat(UpnGenerator.Generate(seed: 29, count: 160)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        // Chunks of at most 20 stay per-user lookups ($batch steps); more would read the whole (small) tenant instead.
        foreach (var chunk in upns.Chunk(20))
        {
            await DiagnosisRun.Start(session, new DiagnosisOptions()).PredictAsync(Users(chunk), new RecordingLog(), CancellationToken.None);
        }

        Assert.All(wire.Requests, request => WireUrl.AssertWellFormed(request.Target));
        Assert.All(wire.StepUrls, WireUrl.AssertWellFormed);
        var keys = wire.StepUrls.Where(IsLookup).Select(LookupKey).ToList();
        Assert.Equal(upns.OrderBy(u => u, StringComparer.Ordinal), keys.Select(k => k.Key).OrderBy(k => k, StringComparer.Ordinal));
        // A UPN starting with '$' cannot be a path segment (user-get.md: /users/$x@y is 400), so it goes by $filter; every other by key.
        Assert.All(keys, k => Assert.Equal(k.Key.StartsWith('$'), k.ByFilter));
    }

    [Fact]
    public async Task Every_real_name_is_found_and_its_registration_row_is_read_by_its_object_id()
    {
        var (host, session, wire) = await ConnectAsync();
        await using var _ = host;
        using var __ = session;

        var results = await DiagnosisRun.Start(session, new DiagnosisOptions()).PredictAsync(Users(RealNames.All), new RecordingLog(), CancellationToken.None);

        Assert.Equal(RealNames.All, results.Select(r => r.Prediction?.UserPrincipalName ?? r.Error!.ErrorId));
        var rowKeys = wire.StepUrls.Where(url => url.StartsWith("/reports/", StringComparison.Ordinal))
            .Select(url => WireUrl.SegmentAfter(url, "userRegistrationDetails"));
        Assert.Equal(results.Select(r => r.Prediction!.UserId).Order(), rowKeys.Order());
    }

    [Fact]
    public async Task An_anchor_with_plus_slash_and_equals_is_one_filter_literal_holding_exactly_the_anchor()
    {
        var (host, session, wire) = await ConnectAsync();
        await using var _ = host;
        using var __ = session;
        // Base64 of these GUIDs holds '+', '/' and '=' (Convert.ToBase64String of the bytes Entra Connect uses).
        var anchors = new[] { new Guid("fbefbefb-efbe-fbef-befb-efbefbefbefb"), new Guid("ffffffff-ffff-ffff-ffff-ffffffffffff") }
            .Select(UserReference.FromObjectGuid).ToList();
        Assert.Contains(anchors, a => a.Value.Contains('+'));
        Assert.Contains(anchors, a => a.Value.Contains('/'));

        await DiagnosisRun.Start(session, new DiagnosisOptions()).PredictAsync(anchors, new RecordingLog(), CancellationToken.None);

        var filters = wire.StepUrls.Where(url => WireUrl.Path(url) == "/users").Select(url => WireUrl.Option(url, "$filter")!).ToList();
        const string Prefix = "onPremisesImmutableId eq ";
        Assert.All(filters, f => Assert.StartsWith(Prefix, f));
        Assert.Equal(anchors.Select(a => a.Value).Order(), filters.Select(f => WireUrl.LiteralValue(f[Prefix.Length..])!).Order());
    }
}
