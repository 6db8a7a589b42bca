using System.Security.Cryptography;
using System.Text;
using SsprTools.GraphSimulator.Pipeline;

namespace SsprTools.GraphSimulator.OData;

/// <summary>
/// Opaque $skiptoken: the next offset bound to a fingerprint of the other query options, so a token only continues
/// the query it came from (paging.md: clients must follow @odata.nextLink verbatim).
/// </summary>
internal static class SkipToken
{
    private const string Prefix = "RFNwcg"; // keeps tokens recognisable in journals

    public static string Create(int offset, string path, IReadOnlyDictionary<string, string> query) =>
        Prefix + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{offset}:{Fingerprint(path, query)}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static int Read(string token, string path, IReadOnlyDictionary<string, string> query)
    {
        try
        {
            if (!token.StartsWith(Prefix, StringComparison.Ordinal))
                throw Invalid();
            var body = token[Prefix.Length..].Replace('-', '+').Replace('_', '/');
            body += new string('=', (4 - body.Length % 4) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(body)).Split(':');
            if (parts.Length != 2 || parts[1] != Fingerprint(path, query) || !int.TryParse(parts[0], out var offset) || offset < 0)
                throw Invalid();
            return offset;
        }
        catch (FormatException)
        {
            throw Invalid();
        }
    }

    private static string Fingerprint(string path, IReadOnlyDictionary<string, string> query)
    {
        var canonical = path.ToLowerInvariant() + "?" + string.Join("&", query
            .Where(q => !q.Key.Equals("$skiptoken", StringComparison.OrdinalIgnoreCase))
            .OrderBy(q => q.Key, StringComparer.OrdinalIgnoreCase)
            .Select(q => q.Key.ToLowerInvariant() + "=" + q.Value));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..16];
    }

    private static GraphError Invalid() => GraphError.BadRequest("Invalid $skiptoken: it does not belong to this query. Follow @odata.nextLink as returned.");
}
