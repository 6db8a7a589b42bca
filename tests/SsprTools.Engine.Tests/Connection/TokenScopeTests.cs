using SsprTools.Engine.Connection;

namespace SsprTools.Engine.Tests.Connection;

public class TokenScopeTests
{
    [Fact]
    public void Delegated_sign_in_asks_for_the_least_privileged_read_scopes_of_the_cloud()
    {
        var scopes = SsprSession.TokenScopes(new ConnectionRequest { Method = SignInMethod.Interactive });

        Assert.Equal(
            new[]
            {
                "https://graph.microsoft.com/Policy.Read.All",
                "https://graph.microsoft.com/RoleManagement.Read.Directory",
                "https://graph.microsoft.com/User.Read.All",
                "https://graph.microsoft.com/AuditLog.Read.All",
                "https://graph.microsoft.com/UserAuthenticationMethod.Read.All",
                "https://graph.microsoft.com/GroupMember.Read.All",
                "https://graph.microsoft.com/Organization.Read.All",
                "https://graph.microsoft.com/LicenseAssignment.Read.All",
            },
            scopes);
        Assert.DoesNotContain(scopes, s => s.Contains("ReadWrite"));
    }

    [Fact]
    public void Asking_for_the_write_scope_adds_it()
    {
        var scopes = SsprSession.TokenScopes(new ConnectionRequest
        {
            Method = SignInMethod.DeviceCode,
            Cloud = GraphCloud.USGov,
            Scopes = new[] { "Policy.Read.All", "Policy.ReadWrite.Authorization" },
        });

        Assert.Equal(new[] { "https://graph.microsoft.us/Policy.Read.All", "https://graph.microsoft.us/Policy.ReadWrite.Authorization" }, scopes);
    }

    [Theory]
    [InlineData(SignInMethod.ManagedIdentity, "China", "https://microsoftgraph.chinacloudapi.cn/.default")]
    [InlineData(SignInMethod.ClientSecret, "USGovDoD", "https://dod-graph.microsoft.us/.default")]
    [InlineData(SignInMethod.Certificate, "Global", "https://graph.microsoft.com/.default")]
    public void App_only_sign_in_asks_for_the_cloud_default_scope(SignInMethod method, string cloud, string expected)
    {
        Assert.Equal(new[] { expected }, SsprSession.TokenScopes(new ConnectionRequest { Method = method, Cloud = GraphCloud.FromName(cloud) }));
    }
}
