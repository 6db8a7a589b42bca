using System.Text.RegularExpressions;

namespace SsprTools.Engine.Tests.Support;

/// <summary>
/// Reads a URL the way a server (Graph) does (RFC 3986): a raw '#' starts the fragment and a raw '?' the query, the
/// path is split on '/' and each segment percent-decoded once, query options are split on raw '&amp;' and decoded once.
/// A URL that would lose or change part of a key under this reading fails the assertions here.
/// </summary>
internal static partial class WireUrl
{
    /// <summary>Only printable ASCII, no fragment, and every '%' starts a valid escape: nothing a parser could cut at or guess.</summary>
    public static void AssertWellFormed(string url)
    {
        Assert.False(url.Contains('#'), $"a raw '#' would start a fragment: {url}");
        Assert.True(url.All(c => c > ' ' && c < 127), $"only printable ASCII belongs on the wire: {url}");
        Assert.False(LoosePercent().IsMatch(url), $"a '%' that is not an escape: {url}");
    }

    /// <summary>The segment after <paramref name="collection"/>, percent-decoded once.</summary>
    public static string SegmentAfter(string url, string collection)
    {
        AssertWellFormed(url);
        var segments = Path(url).Split('/');
        var index = Array.IndexOf(segments, collection);
        Assert.True(index >= 0 && index + 1 < segments.Length, $"no segment after '{collection}' in {url}");
        var raw = segments[index + 1];
        // Inside a segment these would be read as delimiters by one URL parser or another ('+' as a space in forms).
        Assert.False(raw.IndexOfAny(['?', '&', '+', '\'', '$']) >= 0, $"segment '{raw}' carries a raw delimiter");
        return Uri.UnescapeDataString(raw);
    }

    /// <summary>The value of query option <paramref name="name"/> (e.g. "$filter", sent as is or as %24filter), percent-decoded once.</summary>
    public static string? Option(string url, string name)
    {
        AssertWellFormed(url);
        var query = url.IndexOf('?') is var at and >= 0 ? url[(at + 1)..] : string.Empty;
        foreach (var option in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = option.Split('=', 2);
            if (Uri.UnescapeDataString(pair[0]) == name)
            {
                // Graph reads '+' in a query as a space (msgraph-sdk-dotnet#2708): a real '+' must arrive as %2B.
                Assert.False(pair[1].Contains('+'), $"raw '+' in {name}: {url}");
                return Uri.UnescapeDataString(pair[1]);
            }
        }

        return null;
    }

    /// <summary>The path without the query.</summary>
    public static string Path(string url) => url.Split('?')[0];

    /// <summary>The value inside an OData string literal ('…' with quotes doubled), or null when <paramref name="text"/> is not exactly one literal.</summary>
    public static string? LiteralValue(string text)
    {
        if (text.Length < 2 || text[0] != '\'' || text[^1] != '\'')
        {
            return null;
        }

        var inner = text[1..^1];
        return inner.Replace("''", string.Empty).Contains('\'') ? null : inner.Replace("''", "'");
    }

    [GeneratedRegex("%(?![0-9A-Fa-f]{2})")]
    private static partial Regex LoosePercent();
}
