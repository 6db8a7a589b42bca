using SsprTools.Engine.Diagnosis;
using SsprTools.Engine.Tests.Support;

namespace SsprTools.Engine.Tests.Diagnosis;

/// <summary>User keys (UPNs, object ids, anchors) as the engine puts them on the wire, read back as Graph reads them.</summary>
public class UserKeyWireTests
{
    private static List<UserReference> Users(params string[] names) => names.Select(n => UserReference.TryParse(n)!).ToList();

    [Fact]
    public async Task A_guest_lookup_step_carries_the_whole_UPN_with_its_hash_percent_encoded()
    {
        await using var host = await SimulatedTenant.StartAsync(RealNames.ScenarioPath);
        var wire = new WireTap();
        using var session = await SimulatedTenant.ConnectAsync(host, wire);

        await session.StartDiagnosis(new DiagnosisOptions()).PredictAsync(Users(RealNames.Guest), new RecordingLog(), CancellationToken.None);

        var lookup = Assert.Single(wire.StepUrls, url => url.StartsWith("/users/", StringComparison.Ordinal) && !url.Contains("/authentication/"));
        Assert.Equal(RealNames.Guest, WireUrl.SegmentAfter(lookup, "users"));
    }
}
