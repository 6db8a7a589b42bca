using System.Globalization;
using SsprTools.GraphSimulator.Pipeline;

namespace SsprTools.GraphSimulator.OData;

/// <summary>The OData system query options of one request.</summary>
internal sealed class ODataQuery
{
    public IReadOnlyList<string>? Select { get; private init; }
    public IReadOnlyList<string> Expand { get; private init; } = [];
    public string? Filter { get; private init; }
    public int? Top { get; private init; }
    public bool Count { get; private init; }
    public string? SkipToken { get; private init; }
    public string? Search { get; private init; }
    public string? OrderBy { get; private init; }

    /// <summary>True when the caller sent ConsistencyLevel: eventual (needed for $count and advanced queries).</summary>
    public bool Eventual { get; private init; }

    public static ODataQuery Parse(GraphRequest request)
    {
        var q = request.Query;
        // Graph accepts system query options without the '$' prefix in beta only.
        string? Opt(string name) =>
            q.TryGetValue("$" + name, out var v) ? v : request.Version == "beta" && q.TryGetValue(name, out v) ? v : null;

        return new ODataQuery
        {
            Select = Opt("select") is { } s ? SplitList(s, "$select") : null,
            Expand = Opt("expand") is { } e ? SplitList(e, "$expand") : [],
            Filter = Opt("filter") is { } f && f.Trim().Length > 0 ? f.Trim() : null,
            Top = Opt("top") is { } t ? ParseTop(t) : null,
            Count = Opt("count") is { } c && ParseBool(c, "$count"),
            SkipToken = Opt("skiptoken"),
            Search = Opt("search"),
            OrderBy = Opt("orderby"),
            Eventual = string.Equals(request.Header("ConsistencyLevel"), "eventual", StringComparison.OrdinalIgnoreCase),
        };
    }

    private static List<string> SplitList(string value, string option)
    {
        var items = value.Split(',').Select(p => p.Trim()).ToList();
        if (items.Any(i => i.Length == 0))
            throw GraphError.BadRequest($"Invalid {option} value '{value}'.");
        return items;
    }

    private static int ParseTop(string value)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var top))
            throw new GraphError(400, "BadRequest", $"Invalid value '{value}' for $top query option found. The $top query option requires a non-negative integer value.");
        return top;
    }

    private static bool ParseBool(string value, string option) => value.ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => throw new GraphError(400, "BadRequest", $"'{value}' is not a valid count option."),
    };
}
