using SsprTools.Engine.Connection;
using SsprTools.GraphSimulator;

namespace SsprTools.Engine.Tests.Support;

/// <summary>Starts the Graph simulator in-process and connects engine sessions to it.</summary>
internal static class SimulatedTenant
{
    public static Task<SimulatorHost> StartAsync(string scenario = "seed") =>
        SimulatorHost.StartAsync(new SimulatorOptions { Scenario = scenario });

    public static Task<SsprSession> ConnectAsync(SimulatorHost host, string? token = null, RecordingLog? log = null) =>
        ConnectAsync(host.BaseUrl, token ?? host.DefaultToken, log);

    /// <summary>Connects through <paramref name="wire"/>, which records every request as sent.</summary>
    public static Task<SsprSession> ConnectAsync(SimulatorHost host, WireTap wire) =>
        ConnectAsync(host.BaseUrl, host.DefaultToken, null, wire);

    public static Task<SsprSession> ConnectAsync(Uri graphEndpoint, string token, RecordingLog? log = null, WireTap? wire = null) =>
        SsprSession.ConnectAsync(
            new ConnectionRequest
            {
                Method = SignInMethod.AccessToken,
                GraphEndpoint = graphEndpoint,
                AccessToken = TestTokens.Secure(token),
                Transport = wire,
            },
            log ?? new RecordingLog(),
            CancellationToken.None);
}
