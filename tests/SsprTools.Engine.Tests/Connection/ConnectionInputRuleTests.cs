using System.Security;
using SsprTools.Engine.Connection;

namespace SsprTools.Engine.Tests.Connection;

public class ConnectionInputRuleTests
{
    [Theory]
    [InlineData("not a tenant!")]
    [InlineData("contoso")]
    [InlineData("contoso.onmicrosoft.com/")]
    [InlineData("1234-5678")]
    public void A_tenant_that_is_neither_a_guid_nor_a_domain_is_refused(string tenantId)
    {
        Assert.Equal("TenantIdInvalid", ConnectionInputRule.TenantIdProblem(tenantId)?.ErrorId);
    }

    [Theory]
    [InlineData("0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9")]
    [InlineData("contoso.onmicrosoft.com")]
    [InlineData("CONTOSO.com")]
    [InlineData("organizations")]
    [InlineData(null)]
    public void A_guid_a_domain_or_a_well_known_tenant_is_accepted(string? tenantId)
    {
        Assert.Null(ConnectionInputRule.TenantIdProblem(tenantId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Bearer eyJ0eXAiOiJKV1QifQ.eyJ0aWQiOiJ4In0.c2ln")]
    [InlineData("eyJ0eXAiOiJKV1QifQ.eyJ0aWQiOiJ4In0.c2ln\n")]
    [InlineData("secret token with spaces")]
    public void An_empty_token_or_one_with_spaces_is_refused_without_echoing_it(string token)
    {
        var error = ConnectionInputRule.AccessTokenProblem(Secure(token));
        Assert.Equal("AccessTokenInvalid", error?.ErrorId);
        if (token.Length > 0)
        {
            Assert.DoesNotContain(token.Trim(), error!.Message);
        }
    }

    [Fact]
    public void An_opaque_token_is_accepted_but_is_not_a_jwt()
    {
        Assert.Null(ConnectionInputRule.AccessTokenProblem(Secure("opaque-token_123")));
        Assert.False(ConnectionInputRule.IsJwt(Secure("opaque-token_123")));
        Assert.True(ConnectionInputRule.IsJwt(Secure("eyJ0eXAiOiJKV1QifQ.eyJ0aWQiOiJ4In0.c2ln")));
    }

    private static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text)
        {
            secure.AppendChar(c);
        }

        return secure;
    }
}
