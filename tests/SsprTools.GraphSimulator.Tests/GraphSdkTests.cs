using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace SsprTools.GraphSimulator.Tests;

/// <summary>The Microsoft Graph .NET SDK reads the simulator like the real service.</summary>
public sealed class GraphSdkTests
{
    internal sealed class StaticTokenProvider(string token) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(token);
    }

    internal static GraphServiceClient Client(SimulatorHost host, string? token = null, string version = "v1.0") =>
        new(new HttpClient(), new BaseBearerTokenAuthenticationProvider(new StaticTokenProvider(token ?? host.DefaultToken)), $"{host.BaseUrl.ToString().TrimEnd('/')}/{version}");

    [Fact]
    public async Task Sdk_reads_and_updates_the_authorization_policy()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        var graph = Client(sim.Host);

        var policy = await graph.Policies.AuthorizationPolicy.GetAsync();
        Assert.NotNull(policy);
        Assert.Equal("authorizationPolicy", policy.Id);
        Assert.False(policy.AllowedToUseSSPR);
        Assert.Equal("everyone", policy.AllowInvitesFrom?.ToString(), ignoreCase: true);
        Assert.True(policy.DefaultUserRolePermissions?.AllowedToReadOtherUsers);

        await graph.Policies.AuthorizationPolicy.PatchAsync(new Microsoft.Graph.Models.AuthorizationPolicy { AllowedToUseSSPR = true });
        Assert.True((await graph.Policies.AuthorizationPolicy.GetAsync())!.AllowedToUseSSPR);
        Assert.True(sim.Host.Journal.Entries.Single(e => e.Method == "PATCH").Body!["allowedToUseSSPR"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Sdk_surfaces_graph_errors_as_ODataError()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        var graph = Client(sim.Host, sim.Host.IssueToken(scopes: ["User.Read"]));
        var error = await Assert.ThrowsAsync<Microsoft.Graph.Models.ODataErrors.ODataError>(() => graph.Policies.AuthorizationPolicy.GetAsync());
        Assert.Equal(403, error.ResponseStatusCode);
        Assert.Equal("Authorization_RequestDenied", error.Error?.Code);
    }
}
