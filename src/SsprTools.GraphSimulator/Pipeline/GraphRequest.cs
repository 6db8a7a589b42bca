using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace SsprTools.GraphSimulator.Pipeline;

/// <summary>A Graph request independent of HTTP, so top-level requests and $batch steps share one pipeline.</summary>
internal sealed class GraphRequest
{
    /// <param name="rawPath">The path below the version root as sent, still percent-encoded (GraphUrl.Split).</param>
    public GraphRequest(string method, string version, string rawPath, string rawQuery, IReadOnlyDictionary<string, string> headers, string? body)
    {
        Method = method.ToUpperInvariant();
        Version = version;
        RawPath = rawPath.Trim('/');
        Path = GraphUrl.Display(RawPath);
        RawQuery = rawQuery.TrimStart('?');
        Headers = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase);
        Body = body;
        // Form decoding: '+' is a space and %2B a plus in a query, as on Graph (msgraph-sdk-dotnet#2708).
        Query = QueryHelpers.ParseQuery(RawQuery)
            // Keys are trimmed: the docs themselves show "$filter = principalId eq '…'" (rbacapplication-list-roleassignments.md).
            .GroupBy(kv => kv.Key.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last().Value.ToString().Trim(), StringComparer.OrdinalIgnoreCase);
    }

    public string Method { get; }
    /// <summary>"v1.0" or "beta".</summary>
    public string Version { get; }
    /// <summary>Path below the version root as sent (percent-encoded), without leading or trailing slash; routing reads this.</summary>
    public string RawPath { get; }
    /// <summary>RawPath decoded segment by segment, for the journal and messages (a decoded '/' is ambiguous here).</summary>
    public string Path { get; }
    public string RawQuery { get; }
    /// <summary>Decoded query options, case-insensitive names (OData system query options may omit the '$' in v1.0; we require it).</summary>
    public IReadOnlyDictionary<string, string> Query { get; }
    public IReadOnlyDictionary<string, string> Headers { get; }
    public string? Body { get; }

    /// <summary>Absolute root of this request's version (scheme, host and /v1.0 or /beta), used for @odata.context and nextLink.</summary>
    public string ServiceRoot { get; init; } = "";

    public bool InBatch { get; init; }
    public string? BatchId { get; init; }
    public string? StepId { get; init; }

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    public static IReadOnlyDictionary<string, string> FlattenHeaders(IEnumerable<KeyValuePair<string, StringValues>> headers) =>
        headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
}
