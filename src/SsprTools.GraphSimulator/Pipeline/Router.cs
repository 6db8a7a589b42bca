namespace SsprTools.GraphSimulator.Pipeline;

/// <summary>The values a route captured from the path, e.g. {id}.</summary>
internal sealed class RouteValues : Dictionary<string, string>
{
    public RouteValues() : base(StringComparer.OrdinalIgnoreCase) { }
}

/// <summary>One simulated endpoint. Templates are relative to the version root; '{x}' captures a segment,
/// 'a|b' accepts either literal (used for OData casts, which the SDK sends as 'graph.x' and the docs as 'microsoft.graph.x').</summary>
internal sealed record GraphRoute(string Method, string Template, Access Access, Func<GraphCall, GraphResponse> Handler, bool BetaOnly = false)
{
    public string[] Segments { get; } = Template.Split('/');
}

/// <summary>Matches a normalised Graph path against the registered routes (segments compare case-insensitively, as Graph does).</summary>
internal sealed class Router
{
    private readonly List<GraphRoute> _routes = new();

    public void Add(GraphRoute route) => _routes.Add(route);

    public void Add(string method, string template, Access access, Func<GraphCall, GraphResponse> handler) =>
        _routes.Add(new GraphRoute(method, template, access, handler));

    /// <summary>Finds the route for a request; PathKnown tells a 405 (path exists, method does not) from a 501.</summary>
    public (GraphRoute? Route, RouteValues Values, bool PathKnown) Match(string method, string version, string path)
    {
        var segments = PathNormalizer.Split(path);
        var pathKnown = false;
        foreach (var route in _routes)
        {
            if (route.BetaOnly && version != "beta")
                continue;
            var values = new RouteValues();
            if (!SegmentsMatch(route.Segments, segments, values))
                continue;
            pathKnown = true;
            if (route.Method.Equals(method, StringComparison.OrdinalIgnoreCase))
                return (route, values, true);
        }
        return (null, new RouteValues(), pathKnown);
    }

    private static bool SegmentsMatch(string[] template, IReadOnlyList<string> path, RouteValues values)
    {
        if (template.Length != path.Count)
            return false;
        for (var i = 0; i < template.Length; i++)
        {
            var t = template[i];
            if (t.StartsWith('{') && t.EndsWith('}'))
            {
                if (path[i].Length == 0)
                    return false;
                values[t[1..^1]] = path[i];
            }
            else if (!t.Split('|').Any(alt => alt.Equals(path[i], StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }
        }
        return true;
    }
}
