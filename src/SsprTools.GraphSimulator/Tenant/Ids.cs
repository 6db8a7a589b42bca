using System.Security.Cryptography;
using System.Text;

namespace SsprTools.GraphSimulator.Tenant;

/// <summary>Deterministic ids, so a scenario always yields the same object ids.</summary>
internal static class Ids
{
    /// <summary>A GUID derived from the given parts (name-based, MD5 like RFC 4122 version 3).</summary>
    public static string Derive(params string[] parts)
    {
        var hash = MD5.HashData(Encoding.UTF8.GetBytes(string.Join("|", parts)));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x30);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash, bigEndian: true).ToString();
    }

    /// <summary>
    /// Graph's unifiedRoleAssignment id form: base64url(role template GUID bytes) + base64url(principal GUID bytes) + "-1"
    /// (the documented example "lAPpYvVpN0KRkAEhdxReE…" is the Global Administrator template id encoded this way).
    /// </summary>
    public static string RoleAssignment(string roleTemplateId, string principalId, string suffix = "-1") =>
        Base64Url(Guid.Parse(roleTemplateId).ToByteArray()) + Base64Url(Guid.Parse(principalId).ToByteArray()) + suffix;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
