using System.Text;

namespace SsprTools.GraphSimulator.Pipeline;

/// <summary>
/// Reads a Graph URL the way Graph does, for top-level requests and $batch step urls alike (one code path):
/// the fragment is dropped, the query split off, and the path left encoded so that PathNormalizer can split it on '/'
/// before decoding each segment once (docs/simulator.md, "URL parsing").
/// </summary>
internal static class GraphUrl
{
    /// <summary>
    /// Splits "path?query#fragment" into the still-encoded path and query. RFC 3986 §3.5: everything from the first '#'
    /// is the fragment and never reaches the resource, so a $batch step url "/users/a_b.com#EXT#@c.com" addresses
    /// "/users/a_b.com" (user-get.md: "encode the hash (#) character ... replace the # symbol with %23"). RFC 3986 §3.4:
    /// the query starts at the first '?' before the fragment.
    /// </summary>
    public static (string Path, string Query) Split(string url)
    {
        var hash = url.IndexOf('#');
        if (hash >= 0)
            url = url[..hash];
        var question = url.IndexOf('?');
        return question < 0 ? (url, "") : (url[..question], url[(question + 1)..]);
    }

    /// <summary>
    /// One path segment percent-decoded once. '+' stays a plus: only form encoding (queries) makes '+' a space
    /// (RFC 3986 §2.1, §3.3; the query side is QueryHelpers.ParseQuery in GraphRequest).
    /// </summary>
    public static string DecodeSegment(string raw) => Uri.UnescapeDataString(raw);

    /// <summary>The path decoded segment by segment, for the journal and error messages.</summary>
    public static string Display(string rawPath) => string.Join('/', rawPath.Split('/').Select(DecodeSegment));

    /// <summary>
    /// A raw path made safe to put into an absolute link (@odata.nextLink): existing %XX escapes and every character
    /// RFC 3986 allows in a path stay as they are, anything else is percent-encoded as UTF-8. The link then reads
    /// back to the same segments.
    /// </summary>
    public static string ForLink(string rawPath)
    {
        var result = new StringBuilder(rawPath.Length);
        for (var i = 0; i < rawPath.Length; i++)
        {
            var c = rawPath[i];
            if (c == '%' && i + 2 < rawPath.Length && Uri.IsHexDigit(rawPath[i + 1]) && Uri.IsHexDigit(rawPath[i + 2]))
                result.Append(c);
            else if (c < 128 && c != '%' && (char.IsAsciiLetterOrDigit(c) || "-._~!$&'()*+,;=:@/".Contains(c)))
                result.Append(c);
            else
            {
                var length = char.IsHighSurrogate(c) && i + 1 < rawPath.Length ? 2 : 1;
                foreach (var b in Encoding.UTF8.GetBytes(rawPath.Substring(i, length)))
                    result.Append('%').Append(b.ToString("X2"));
                i += length - 1;
            }
        }
        return result.ToString();
    }
}
