using System;
using System.Collections.Generic;
using System.Linq;
using SsprTools.Engine.Facts;

namespace SsprTools.Engine.Findings;

/// <summary>Writes a fact as finding evidence: "allowedToUseSSPR = false; GET /v1.0/policies/authorizationPolicy at …".</summary>
internal static class FactText
{
    public static string Describe<T>(string name, Fact<T> fact, Func<T, string>? format = null) =>
        fact.TryGetValue(out var value)
            ? $"{name} = {(format is null ? Format(value) : format(value))}; {fact.Evidence}"
            : Unreadable(name, fact);

    public static string Unreadable<T>(string name, Fact<T> fact) =>
        $"{name} unreadable ({fact.UnreadableReason}); {fact.Evidence}";

    /// <summary>Between the facts of one finding's evidence (the report shows one fact a line).</summary>
    public const string Separator = " | ";

    public static string Join(params string[] parts) => string.Join(Separator, parts.Where(p => p.Length > 0));

    public static string List(IEnumerable<string> items)
    {
        var text = string.Join(", ", items);
        return "[" + text + "]";
    }

    private static string Format<T>(T value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        _ => value.ToString() ?? "",
    };
}
