using System.Text.RegularExpressions;

namespace SsprTools.GraphSimulator.Pipeline;

/// <summary>
/// One decoded path segment. IsKey marks a value that came from OData key syntax, users('key'): it can only fill a
/// '{x}' route value, never match a literal such as $count.
/// </summary>
internal readonly record struct PathSegment(string Text, bool IsKey);

/// <summary>
/// Splits a raw (still percent-encoded) Graph path into segments, the one parser for every entity-by-key route:
/// 1. split on '/' first, then percent-decode each segment once, so "%2F" inside a key does not split it (RFC 3986 §2.2);
/// 2. OData key syntax becomes a separate segment: users('id') → users / id, and directoryRoles(roleTemplateId='x') →
///    directoryRoles / roleTemplateId=x (the current and the older documented forms of "get directoryRole by template
///    id" then look alike). user-get.md documents /users('$AdeleVance@contoso.com') for UPNs that begin with '$'.
/// </summary>
internal static partial class PathNormalizer
{
    // Key syntax is recognised on the raw segment, so a key such as "a%28b%29" stays a plain segment.
    [GeneratedRegex(@"^(?<name>[^()]+)\((?<key>.*)\)$")]
    private static partial Regex KeySegment();

    public static IReadOnlyList<PathSegment> Split(string rawPath)
    {
        var result = new List<PathSegment>();
        foreach (var raw in rawPath.Trim('/').Split('/'))
        {
            var m = KeySegment().Match(raw);
            if (!m.Success)
            {
                result.Add(new PathSegment(GraphUrl.DecodeSegment(raw), IsKey: false));
                continue;
            }
            result.Add(new PathSegment(GraphUrl.DecodeSegment(m.Groups["name"].Value), IsKey: false));
            result.Add(new PathSegment(KeyValue(GraphUrl.DecodeSegment(m.Groups["key"].Value), raw), IsKey: true));
        }
        return result;
    }

    // 'abc' → abc; name='abc' → name=abc. The OData ABNF (odata-abnf-construction-rules, string literal):
    // SQUOTE *( SQUOTE-in-string / pchar-no-SQUOTE ) SQUOTE with SQUOTE-in-string = SQUOTE SQUOTE, and SQUOTE is
    // "'" or "%27" — so decoding first, then reading quotes, treats both spellings alike. An unquoted key is taken
    // as it is (lenient, as before).
    private static string KeyValue(string key, string segment)
    {
        var eq = key.IndexOf('=');
        var (prefix, literal) = eq > 0 && !key[..eq].Contains('\'') ? (key[..(eq + 1)], key[(eq + 1)..]) : ("", key);
        return prefix + (literal.StartsWith('\'') ? StringLiteral(literal, segment) : literal);
    }

    private static string StringLiteral(string literal, string segment)
    {
        var value = new System.Text.StringBuilder();
        var i = 1;
        while (i < literal.Length)
        {
            if (literal[i] != '\'')
            {
                value.Append(literal[i++]);
                continue;
            }
            if (i + 1 < literal.Length && literal[i + 1] == '\'')
            {
                value.Append('\'');
                i += 2;
                continue;
            }
            if (i == literal.Length - 1)
                return value.ToString();
            break; // a lone quote inside the literal
        }
        // Graph documents no body for a malformed key literal; 400 BadRequest is what its OData URI parser uses for
        // syntax errors (graph-api.md §8), and the message follows the OData library's wording.
        throw new GraphError(400, "BadRequest", $"Syntax error: character ''' is not valid at position {i} in '{GraphUrl.DecodeSegment(segment)}'.");
    }
}
