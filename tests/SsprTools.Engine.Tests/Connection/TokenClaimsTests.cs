using SsprTools.Engine.Auth;
using SsprTools.Engine.Tests.Support;

namespace SsprTools.Engine.Tests.Connection;

public class TokenClaimsTests
{
    [Fact]
    public void Delegated_token_reveals_tenant_user_and_scopes()
    {
        var token = TestTokens.Jwt(new { tid = "8d1f0c2a-0000-4000-8000-000000000001", upn = "admin@contoso.com", scp = "Policy.Read.All User.Read.All", exp = 4102444800 });

        var claims = TokenClaims.Parse(token);

        Assert.Equal("8d1f0c2a-0000-4000-8000-000000000001", claims.TenantId);
        Assert.Equal("admin@contoso.com", claims.Account);
        Assert.Equal(new[] { "Policy.Read.All", "User.Read.All" }, claims.Scopes);
        Assert.False(claims.IsAppOnly);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(4102444800), claims.ExpiresOn);
    }

    [Fact]
    public void App_only_token_reveals_roles_and_app()
    {
        var token = TestTokens.Jwt(new { tid = "t", appid = "11111111-2222-3333-4444-555555555555", roles = new[] { "Policy.Read.All" } });

        var claims = TokenClaims.Parse(token);

        Assert.True(claims.IsAppOnly);
        Assert.Equal(new[] { "Policy.Read.All" }, claims.Roles);
        Assert.Equal("11111111-2222-3333-4444-555555555555", claims.AppId);
    }

    [Theory]
    [InlineData("opaque-token-without-dots")]
    [InlineData("a.b")]
    [InlineData("a.!!!notbase64!!!.c")]
    [InlineData("a.bm90LWpzb24.c")]
    public void Opaque_or_malformed_tokens_yield_no_claims(string token)
    {
        var claims = TokenClaims.Parse(token);

        Assert.Null(claims.TenantId);
        Assert.Empty(claims.Scopes);
        Assert.Null(claims.ExpiresOn);
    }
}
