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

/// <summary>Matches a Graph path against the registered routes (segments compare case-insensitively, as Graph does).</summary>
internal sealed class Router
{
    private enum Fit { No, Yes, DollarKey }

    private static readonly HashSet<string> VersionNames = new(GraphHttpAdapter.Versions, StringComparer.OrdinalIgnoreCase);

    private readonly List<GraphRoute> _routes = new();

    public void Add(GraphRoute route) => _routes.Add(route);

    public void Add(string method, string template, Access access, Func<GraphCall, GraphResponse> handler) =>
        _routes.Add(new GraphRoute(method, template, access, handler));

    /// <summary>
    /// Finds the route for a raw (encoded) path; PathKnown tells a 405 (path exists, method does not) from a 501.
    /// Throws the 400s Graph's URI parser gives before any route is chosen.
    /// </summary>
    public (GraphRoute? Route, RouteValues Values, bool PathKnown) Match(string method, string version, string rawPath)
    {
        var segments = PathNormalizer.Split(rawPath);
        var pathKnown = false;
        string? dollarAfter = null;
        foreach (var route in _routes)
        {
            if (route.BetaOnly && version != "beta")
                continue;
            var values = new RouteValues();
            var fit = Fits(route.Segments, segments, values, out var collection);
            if (fit == Fit.DollarKey)
                dollarAfter ??= collection;
            if (fit != Fit.Yes)
                continue;
            pathKnown = true;
            if (route.Method.Equals(method, StringComparison.OrdinalIgnoreCase))
                return (route, values, true);
        }
        if (!pathKnown && dollarAfter is not null)
            throw DollarSegment(dollarAfter);
        if (!pathKnown && segments.Count > 0 && !segments[0].IsKey && VersionNames.Contains(segments[0].Text))
            throw VersionSegment(segments[0].Text);
        return (null, new RouteValues(), pathKnown);
    }

    private static Fit Fits(string[] template, IReadOnlyList<PathSegment> path, RouteValues values, out string? collection)
    {
        collection = null;
        if (template.Length != path.Count)
            return Fit.No;
        var dollar = false;
        for (var i = 0; i < template.Length; i++)
        {
            var t = template[i];
            var segment = path[i];
            if (t.StartsWith('{') && t.EndsWith('}'))
            {
                if (segment.Text.Length == 0)
                    return Fit.No;
                // OData expects only system segments and query options to begin with '$'; a key such as $x@y.com must
                // use the key form /users('$x@y.com') (user-get.md, HTTP request tip). Percent-decoding comes first, so
                // %24 is a '$' too — the SDK's Users["$x@y.com"] fails on Graph (msgraph-sdk-dotnet#2635).
                if (!segment.IsKey && segment.Text.StartsWith('$'))
                {
                    dollar = true;
                    collection ??= i > 0 ? path[i - 1].Text : "";
                }
                values[t[1..^1]] = segment.Text;
            }
            else if (segment.IsKey || !t.Split('|').Any(alt => alt.Equals(segment.Text, StringComparison.OrdinalIgnoreCase)))
            {
                return Fit.No;
            }
        }
        return dollar ? Fit.DollarKey : Fit.Yes;
    }

    // user-get.md: "/users/$x@y.com fails with a 400 Bad Request error code". The page gives no body; the message is
    // the one observed for it (msgraph-sdk-dotnet#2635), the code is the OData URI parser's BadRequest (graph-api.md §8).
    private static GraphError DollarSegment(string collection) => new(400, "BadRequest",
        $"The request URI is not valid. Since the segment '{collection}' refers to a collection, this must be the last segment in the request URI " +
        "or it must be followed by an function or action that can be bound to it otherwise all intermediate segments must refer to a single resource.");

    // A $batch step url that repeats the version ("/v1.0/users") is answered 400 "Resource not found for the segment
    // 'v1.0'." (msgraph-sdk-javascript#1178, msgraph-sdk-python#1015); the same parser answers top-level requests.
    private static GraphError VersionSegment(string segment) => new(400, "BadRequest", $"Resource not found for the segment '{segment}'.");
}
