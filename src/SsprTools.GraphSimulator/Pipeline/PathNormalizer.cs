using System.Text.RegularExpressions;

namespace SsprTools.GraphSimulator.Pipeline;

/// <summary>
/// Splits a Graph path into segments, turning OData key syntax into plain segments:
/// users('id') → users/id, and directoryRoles(roleTemplateId='x') → directoryRoles/roleTemplateId=x
/// (the current and the older documented forms of "get directoryRole by template id" then look alike).
/// </summary>
internal static partial class PathNormalizer
{
    [GeneratedRegex(@"^(?<name>[^()]+)\((?<key>.*)\)$")]
    private static partial Regex KeySegment();

    public static IReadOnlyList<string> Split(string path)
    {
        var result = new List<string>();
        foreach (var raw in path.Trim('/').Split('/'))
        {
            var m = KeySegment().Match(raw);
            if (!m.Success)
            {
                result.Add(raw);
                continue;
            }
            result.Add(m.Groups["name"].Value);
            result.Add(UnquoteKey(m.Groups["key"].Value));
        }
        return result;
    }

    // 'abc' → abc; name='abc' → name=abc; doubled quotes inside a literal are OData's escape for one quote.
    private static string UnquoteKey(string key)
    {
        var eq = key.IndexOf('=');
        var (prefix, literal) = eq > 0 && !key[..eq].Contains('\'') ? (key[..(eq + 1)], key[(eq + 1)..]) : ("", key);
        if (literal.Length >= 2 && literal[0] == '\'' && literal[^1] == '\'')
            literal = literal[1..^1].Replace("''", "'");
        return prefix + literal;
    }
}
