using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SsprTools.GraphSimulator.Admin;
using SsprTools.GraphSimulator.Auth;
using SsprTools.GraphSimulator.Faults;
using SsprTools.GraphSimulator.Pipeline;
using SsprTools.GraphSimulator.Tenant;

namespace SsprTools.GraphSimulator;

/// <summary>
/// A simulated Entra tenant serving Microsoft Graph (/v1.0 and /beta) on 127.0.0.1, in-process.
/// Used by test projects and by the command-line host.
/// </summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SimulatorRuntime _runtime;

    private SimulatorHost(WebApplication app, SimulatorRuntime runtime, Uri baseUrl)
    {
        _app = app;
        _runtime = runtime;
        BaseUrl = baseUrl;
        DefaultToken = runtime.IssueToken(null, null, TimeSpan.FromHours(24));
    }

    /// <summary>Service root, e.g. http://127.0.0.1:54321 (Graph at /v1.0 and /beta, admin API at /_simulator).</summary>
    public Uri BaseUrl { get; }

    public string TenantId => _runtime.Tenant.TenantId;

    /// <summary>A delegated token (24 h) for the scenario's signed-in admin granting every permission the simulator knows.</summary>
    public string DefaultToken { get; }

    public RequestJournal Journal => _runtime.Journal;

    /// <summary>Live fault settings; changes apply to the next request.</summary>
    public FaultSettings Faults => _runtime.Faults;

    /// <summary>Value callers must send in X-IDENTITY-HEADER to the managed identity endpoint (IDENTITY_HEADER).</summary>
    public string IdentityHeader => _runtime.IdentityHeader;

    /// <summary>The App Service style managed identity endpoint (IDENTITY_ENDPOINT).</summary>
    public Uri ManagedIdentityEndpoint => new(BaseUrl, Auth.ManagedIdentityEndpoint.RelativePath);

    /// <summary>Names of the scenarios shipped with the simulator.</summary>
    public static IReadOnlyList<string> Scenarios => ScenarioLoader.ShippedNames;

    /// <summary>
    /// Issues a token signed for this run. scopes → delegated token ('scp', the scenario's signed-in admin);
    /// roles → app-only token ('roles'); neither → delegated with every permission. A negative lifetime gives an expired token.
    /// </summary>
    public string IssueToken(IEnumerable<string>? scopes = null, IEnumerable<string>? roles = null, TimeSpan? lifetime = null) =>
        _runtime.IssueToken(scopes, roles, lifetime);

    public static async Task<SimulatorHost> StartAsync(SimulatorOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var scenario = ScenarioLoader.Read(options);
        var tenant = TenantBuilder.Build(scenario, options.Clock);
        // Explicit options win over the scenario's own faults section.
        var faults = options.Faults.Any || scenario.Faults is null ? options.Faults : scenario.Faults;
        var runtime = new SimulatorRuntime(tenant, faults, options.JournalFile, options.Clock);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNameCaseInsensitive = true);

        var app = builder.Build();
        AdminEndpoints.Map(app, runtime);
        ClientCredentialsEndpoint.Map(app, runtime);
        foreach (var version in GraphHttpAdapter.Versions)
            app.Map("/" + version, branch => branch.Run(http => GraphHttpAdapter.HandleAsync(http, runtime, version)));
        app.MapFallback(http => GraphHttpAdapter.WriteAsync(http, GraphError.NotSimulated(http.Request.Method, http.Request.Path).ToResponse(Guid.NewGuid().ToString(), "", runtime.Clock.GetUtcNow())));

        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        return new SimulatorHost(app, runtime, new Uri($"http://127.0.0.1:{port}"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
