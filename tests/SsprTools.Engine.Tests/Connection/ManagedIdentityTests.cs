using SsprTools.Engine.Connection;
using SsprTools.Engine.Tests.Support;
using SsprTools.Engine.Policy;

namespace SsprTools.Engine.Tests.Connection;

/// <summary>
/// Managed identity the way Azure Automation, Functions and App Service provide it
/// (IDENTITY_ENDPOINT + IDENTITY_HEADER), end to end through Azure.Identity's ManagedIdentityCredential.
/// MSAL caches managed identity tokens process-wide, so this class holds the only such test.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public class ManagedIdentityTests
{
    [Fact]
    public async Task Connects_with_the_platform_managed_identity_and_reads_the_policy()
    {
        await using var host = await SimulatedTenant.StartAsync();
        using var environment = new EnvironmentOverride(
            ("IDENTITY_ENDPOINT", host.ManagedIdentityEndpoint.ToString()),
            ("IDENTITY_HEADER", host.IdentityHeader));
        var log = new RecordingLog();

        using var session = await SsprSession.ConnectAsync(
            new ConnectionRequest { Method = SignInMethod.ManagedIdentity, GraphEndpoint = host.BaseUrl },
            log,
            CancellationToken.None);
        var policy = await AdminPolicyService.For(session).GetAsync(log, CancellationToken.None);

        Assert.Equal("ManagedIdentity", session.Connection.AuthType);
        Assert.Equal("AppOnly", session.Connection.TokenKind);
        Assert.Equal(host.TenantId, session.Connection.TenantId);
        Assert.Contains("Policy.Read.All", session.Connection.Scopes);
        Assert.False(policy.AllowedToUseSspr);
        Assert.Contains(host.Journal.Entries, e => e.CallerType == "application" && e.Path == "/v1.0/policies/authorizationPolicy");
    }
}
