using System.Text.Json.Nodes;
using SsprTools.GraphSimulator.Pipeline;

namespace SsprTools.GraphSimulator.OData;

/// <summary>
/// Answers a collection request: $filter, $orderby, $count, $top and server-driven paging with an absolute
/// @odata.nextLink carrying an opaque $skiptoken (paging.md), then $select on each item of the page.
/// </summary>
internal static class ODataCollection
{
    public static GraphResponse Respond<T>(GraphCall call, CollectionSpec spec, IEnumerable<T> source, Func<T, JsonObject> render)
    {
        var query = call.Query;
        CheckUnsupported(query, spec);
        var filter = ParseFilter(call, spec);
        var items = source.ToList();

        // Render everything only when the whole set must be inspected; otherwise render just the page.
        IReadOnlyList<JsonObject>? rendered = null;
        if (filter is not null || query.OrderBy is not null)
        {
            var all = items.Select(render);
            if (filter is not null)
                all = all.Where(e => FilterEvaluator.Matches(filter, e));
            rendered = Sort(all, query.OrderBy, spec).ToList();
        }
        var total = rendered?.Count ?? items.Count;

        var pageSize = PageSize(query, spec);
        var offset = query.SkipToken is { } token ? SkipToken.Read(token, call.Request.Path, call.Request.Query) : 0;
        var page = rendered is not null
            ? rendered.Skip(offset).Take(pageSize).ToList()
            : items.Skip(offset).Take(pageSize).Select(render).ToList();

        var body = new JsonObject { ["@odata.context"] = call.Context(spec.EntitySet + Representation.SelectSuffix(query.Select, query.Expand)) };
        if (query.Count && query.SkipToken is null)
            body["@odata.count"] = total; // first page only (paging.md)
        if (offset + pageSize < total)
            body["@odata.nextLink"] = NextLink(call, SkipToken.Create(offset + pageSize, call.Request.Path, call.Request.Query));
        var select = query.Select ?? spec.DefaultSelect;
        body["value"] = new JsonArray(page.Select(e => (JsonNode)Representation.Project(e, select, spec.TypeName, spec.Polymorphic).DeepClone()).ToArray());
        return GraphResponse.Ok(body);
    }

    private static void CheckUnsupported(ODataQuery query, CollectionSpec spec)
    {
        if (query.Search is not null)
            throw GraphError.NotSimulated("$search", spec.EntitySet);
        foreach (var expand in query.Expand)
            if (!spec.Expand.Contains(expand.Split('(')[0], StringComparer.OrdinalIgnoreCase))
                throw GraphError.BadRequest($"Could not find a navigation property named '{expand}' on type 'microsoft.graph.{spec.TypeName}' to expand.");
        if (!query.Count)
            return;
        if (spec.Count == CountRule.NotSupported || (spec.Count == CountRule.NeedsEventual && !query.Eventual))
            throw GraphError.BadRequest("$count is not currently supported.");
    }

    private static FilterNode? ParseFilter(GraphCall call, CollectionSpec spec)
    {
        if (call.Query.Filter is not { } text)
            return null;
        if (spec.Filter is null)
            throw GraphError.UnsupportedQuery($"The $filter query option is not supported on '{spec.EntitySet}'.");
        if (spec.FilterNeedsEventual && (!call.Query.Eventual || !call.Query.Count))
            throw GraphError.UnsupportedQuery("$filter here is an advanced query: send ConsistencyLevel: eventual and $count=true.");
        var node = FilterParser.Parse(text);
        spec.Filter.Validate(node, call.Query);
        return node;
    }

    private static int PageSize(ODataQuery query, CollectionSpec spec)
    {
        // directoryRoles and their members ignore $top and return up to 1,000 objects (directoryrole-list-members.md).
        if (!spec.Pageable)
            return int.MaxValue;
        if (query.Top is not { } top)
            return spec.DefaultPageSize;
        if (top < 1 || top > spec.MaxPageSize)
            throw GraphError.UnsupportedQuery($"Invalid page size specified: '{top}'. Must be between 1 and {spec.MaxPageSize} inclusive.");
        return top;
    }

    private static IEnumerable<JsonObject> Sort(IEnumerable<JsonObject> items, string? orderBy, CollectionSpec spec)
    {
        if (orderBy is null)
            return items;
        var parts = orderBy.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var property = parts[0];
        var descending = parts.Length > 1 && parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase);
        if (parts.Length > 2 || !spec.OrderBy.Contains(property, StringComparer.OrdinalIgnoreCase))
            throw GraphError.UnsupportedQuery($"Sorting by '{orderBy}' is not supported on '{spec.EntitySet}'.");
        string Key(JsonObject o) => o.FirstOrDefault(p => p.Key.Equals(property, StringComparison.OrdinalIgnoreCase)).Value?.ToString() ?? "";
        return descending ? items.OrderByDescending(Key, StringComparer.OrdinalIgnoreCase) : items.OrderBy(Key, StringComparer.OrdinalIgnoreCase);
    }

    private static string NextLink(GraphCall call, string token)
    {
        var path = GraphUrl.ForLink(call.Request.RawPath);
        var kept = call.Request.RawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !Uri.UnescapeDataString(p).StartsWith("$skiptoken=", StringComparison.OrdinalIgnoreCase));
        return $"{call.ServiceRoot}/{path}?{string.Join('&', kept.Append("$skiptoken=" + token))}";
    }
}
