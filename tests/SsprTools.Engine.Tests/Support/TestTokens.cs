using System.Security;
using System.Text;
using System.Text.Json;

namespace SsprTools.Engine.Tests.Support;

/// <summary>Builds JWT-shaped tokens with chosen claims for claim-parsing tests.</summary>
internal static class TestTokens
{
    public static string Jwt(object payload) =>
        $"{Encode(new { alg = "none", typ = "JWT" })}.{Encode(payload)}.c2lnbmF0dXJl";

    public static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }

    private static string Encode(object value) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
