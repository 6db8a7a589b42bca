using System.Text.Json;
using System.Text.Json.Nodes;
using SsprTools.GraphSimulator.Pipeline;

namespace SsprTools.GraphSimulator.Endpoints;

/// <summary>One request inside a $batch body. Error is set when the step itself is invalid (answered per step).</summary>
internal sealed record BatchStep(string Id, string Method, string Url, IReadOnlyDictionary<string, string> Headers, string? Body, IReadOnlyList<string> DependsOn, GraphError? Error);

/// <summary>Validates a $batch body; problems with the batch as a whole are a 400 for the whole request (json-batching.md).</summary>
internal static class BatchPayload
{
    public static IReadOnlyList<BatchStep> Parse(JsonObject body)
    {
        if (body["requests"] is not JsonArray requests)
            throw new GraphError(400, "BadRequest", "Invalid batch payload format: 'requests' array is required.");
        if (requests.Count == 0)
            throw new GraphError(400, "BadRequest", "Invalid batch payload format: 'requests' is empty.");
        if (requests.Count > BatchEndpoint.MaxRequests)
            throw new GraphError(400, "BadRequest", $"Number of batch request steps exceeds the maximum of {BatchEndpoint.MaxRequests}.");

        var steps = requests.Select(Step).ToList();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var step in steps)
            if (!ids.Add(step.Id))
                throw new GraphError(400, "BadRequest", $"Batch request contains duplicate id '{step.Id}'.");
        foreach (var dependency in steps.SelectMany(s => s.DependsOn))
            if (!ids.Contains(dependency))
                throw new GraphError(400, "BadRequest", $"dependsOn refers to unknown request id '{dependency}'.");
        return steps;
    }

    /// <summary>Steps in an order where every dependency runs first; a cycle is a 400.</summary>
    public static IEnumerable<BatchStep> DependencyOrder(IReadOnlyList<BatchStep> steps)
    {
        var byId = steps.ToDictionary(s => s.Id, StringComparer.OrdinalIgnoreCase);
        var done = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var visiting = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var order = new List<BatchStep>();

        void Visit(BatchStep step)
        {
            if (done.Contains(step.Id))
                return;
            if (!visiting.Add(step.Id))
                throw new GraphError(400, "BadRequest", $"dependsOn forms a cycle at request id '{step.Id}'.");
            foreach (var dependency in step.DependsOn)
                Visit(byId[dependency]);
            done.Add(step.Id);
            order.Add(step);
        }

        foreach (var step in steps)
            Visit(step);
        return order;
    }

    private static BatchStep Step(JsonNode? node)
    {
        if (node is not JsonObject request)
            throw new GraphError(400, "BadRequest", "Invalid batch payload format: each request must be an object.");
        var id = Text(request, "id") ?? throw new GraphError(400, "BadRequest", "Invalid batch payload format: every request needs an 'id'.");
        var method = Text(request, "method") ?? throw new GraphError(400, "BadRequest", $"Request '{id}' has no 'method'.");
        var url = Text(request, "url") ?? throw new GraphError(400, "BadRequest", $"Request '{id}' has no 'url'.");
        var headers = (request["headers"] as JsonObject ?? [])
            .ToDictionary(h => h.Key, h => h.Value?.ToString() ?? "", StringComparer.OrdinalIgnoreCase);
        var dependsOn = request["dependsOn"] is JsonArray deps ? deps.Select(d => d?.ToString() ?? "").ToList() : [];
        var body = request["body"] switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            var other => other.ToJsonString(),
        };

        // json-batching.md: "url: Required. The relative resource URL the individual request would typically send";
        // an absolute url fails the whole batch with 400 "Invalid batch payload format." (observed:
        // microsoft-graph-docs-contrib#8576, msgraph-sdk-javascript#1451).
        if (url.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https:", StringComparison.OrdinalIgnoreCase))
            throw new GraphError(400, "BadRequest", "Invalid batch payload format.");
        GraphError? error = null;
        if (url.TrimStart('/').StartsWith("$batch", StringComparison.OrdinalIgnoreCase))
            error = new GraphError(400, "BadRequest", "A $batch request cannot contain another $batch request.");
        else if (body is not null && !headers.ContainsKey("Content-Type"))
            error = new GraphError(400, "BadRequest", "Requests with a body must have a Content-Type header.");
        return new BatchStep(id, method.ToUpperInvariant(), url, headers, body, dependsOn, error);
    }

    private static string? Text(JsonObject o, string name) => o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
