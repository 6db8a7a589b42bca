using SsprTools.Engine.Connection;
using SsprTools.Engine.Graph;
using SsprTools.Engine.Tests.Rules;
using SsprTools.GraphSimulator;

namespace SsprTools.Engine.Tests.Support;

/// <summary>Starts the Graph simulator in-process and connects engine sessions to it.</summary>
internal static class SimulatedTenant
{
    public static Task<SimulatorHost> StartAsync(string scenario = "seed") =>
        SimulatorHost.StartAsync(new SimulatorOptions { Scenario = scenario });

    /// <summary>A simulator on <paramref name="clock"/>, for a session on the same clock (<see cref="ConnectAsync(SimulatorHost, TimeProvider, string?, RecordingLog?, GraphRetryPolicy?)"/>).</summary>
    public static Task<SimulatorHost> StartAsync(TimeProvider clock, string scenario = "seed") =>
        SimulatorHost.StartAsync(new SimulatorOptions { Scenario = scenario, Clock = clock });

    /// <summary>A session whose back-off waits, token expiry, read-back and evidence run on <paramref name="clock"/>.</summary>
    public static Task<SsprSession> ConnectAsync(SimulatorHost host, TimeProvider clock, string? token = null, RecordingLog? log = null, GraphRetryPolicy? retry = null) =>
        SsprSession.ConnectAsync(
            new ConnectionRequest
            {
                Method = SignInMethod.AccessToken,
                GraphEndpoint = host.BaseUrl,
                AccessToken = TestTokens.Secure(token ?? host.DefaultToken),
                Retry = retry ?? GraphRetryPolicy.Default,
                Clock = clock,
            },
            log ?? new RecordingLog(),
            CancellationToken.None);

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
