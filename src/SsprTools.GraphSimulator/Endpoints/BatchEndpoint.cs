using System.Text.Json.Nodes;
using System.Text.Json;
using SsprTools.GraphSimulator.Faults;
using SsprTools.GraphSimulator.Pipeline;

namespace SsprTools.GraphSimulator.Endpoints;

/// <summary>
/// POST /$batch (concepts/json-batching.md): up to 20 requests with unique ids, urls relative to the version root,
/// dependsOn with 424 for failed dependencies. Each step runs through the full pipeline (auth, permissions, faults,
/// journal with inBatch=true). Responses come back in an order of their own, as the docs allow.
/// </summary>
internal static class BatchEndpoint
{
    public const int MaxRequests = 20;

    public static void Map(Router router) => router.Add("POST", "$batch", Pipeline.Access.AnyCaller, Execute);

    private static GraphResponse Execute(GraphCall call)
    {
        var steps = BatchPayload.Parse(call.JsonBody());
        var results = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
        foreach (var step in BatchPayload.DependencyOrder(steps))
        {
            var failed = step.DependsOn.FirstOrDefault(d => results[d]["status"]!.GetValue<int>() >= 400);
            results[step.Id] = failed is not null
                ? StepResponse(step.Id, FailedDependency(call, failed))
                : StepResponse(step.Id, Run(call, step));
        }

        // The docs: responses "might be in a different order" — shuffle deterministically so clients must correlate by id.
        var random = new Random(call.Runtime.Faults.Seed ^ steps.Count);
        var ordered = steps.Select(s => results[s.Id]).OrderBy(_ => random.Next()).ToArray();
        return GraphResponse.Ok(new JsonObject { ["responses"] = new JsonArray(ordered) });
    }

    private static GraphResponse Run(GraphCall call, BatchStep step)
    {
        if (step.Error is { } error)
            return error.ToResponse(Guid.NewGuid().ToString(), call.Request.Header("client-request-id") ?? "", call.Runtime.Clock.GetUtcNow());
        var headers = new Dictionary<string, string>(step.Headers, StringComparer.OrdinalIgnoreCase);
        // Steps are sent with the batch's own credentials.
        if (call.Request.Header("Authorization") is { } authorization)
            headers["Authorization"] = authorization;
        // The step url is a string Graph parses itself, with the same parser as a top-level request target.
        var (path, query) = GraphUrl.Split(step.Url);
        var request = new GraphRequest(step.Method, call.Request.Version, path, query, headers, step.Body)
        {
            ServiceRoot = call.ServiceRoot,
            InBatch = true,
            BatchId = call.RequestId,
            StepId = step.Id,
        };
        var sequence = call.Runtime.Journal.NextSequence();
        return call.Runtime.Pipeline.Execute(request, sequence, call.Runtime.FaultInjector.Decide(sequence, transport: false));
    }

    private static GraphResponse FailedDependency(GraphCall call, string dependency) =>
        new GraphError(424, "FailedDependency", $"The request depends on request '{dependency}', which failed.")
            .ToResponse(Guid.NewGuid().ToString(), call.Request.Header("client-request-id") ?? "", call.Runtime.Clock.GetUtcNow());

    private static JsonObject StepResponse(string id, GraphResponse response)
    {
        var headers = new JsonObject();
        foreach (var (name, value) in response.Headers)
            headers[name] = value;
        headers["Cache-Control"] = "no-cache";
        if (response.ContentType is { } contentType)
            headers["Content-Type"] = contentType;
        var result = new JsonObject { ["id"] = id, ["status"] = response.Status, ["headers"] = headers };
        if (response.Body is not null)
            result["body"] = response.Body.DeepClone();
        else if (response.Text is not null)
            result["body"] = response.Text;
        return result;
    }
}
