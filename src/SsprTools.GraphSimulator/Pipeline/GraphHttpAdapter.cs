using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using SsprTools.GraphSimulator.Faults;

namespace SsprTools.GraphSimulator.Pipeline;

/// <summary>Turns HTTP requests under /v1.0 and /beta into GraphRequests and writes the GraphResponse back.</summary>
internal static class GraphHttpAdapter
{
    public static readonly string[] Versions = ["v1.0", "beta"];

    public static async Task HandleAsync(HttpContext http, SimulatorRuntime runtime, string version)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        var root = $"{http.Request.Scheme}://{http.Request.Host}/{version}";
        var (path, query) = RequestTarget(http, version);
        var request = new GraphRequest(http.Request.Method, version, path, query,
            GraphRequest.FlattenHeaders(http.Request.Headers), body.Length == 0 ? null : body)
        {
            ServiceRoot = root,
        };

        var sequence = runtime.Journal.NextSequence();
        var fault = runtime.FaultInjector.Decide(sequence, transport: true);
        // A $batch envelope is only delayed or dropped; its steps are throttled one by one (json-batching.md).
        if (BatchPath(request) && fault != FaultKind.Drop)
            fault = FaultKind.None;
        if (runtime.Faults.LatencyMs > 0)
            await Task.Delay(TimeSpan.FromMilliseconds(runtime.Faults.LatencyMs), runtime.Clock, http.RequestAborted);
        if (fault == FaultKind.Drop)
        {
            runtime.Pipeline.RecordDropped(request, sequence);
            http.Abort();
            return;
        }

        var response = runtime.Pipeline.Execute(request, sequence, fault == FaultKind.Truncate ? FaultKind.None : fault);
        if (fault == FaultKind.Truncate)
        {
            await WriteTruncatedAsync(http, response);
            return;
        }

        await WriteAsync(http, response);
    }

    // The status and headers of the real answer, then only the first half of its JSON body.
    private static async Task WriteTruncatedAsync(HttpContext http, GraphResponse response)
    {
        var full = response.Body?.ToJsonString() ?? "{}";
        var cut = System.Text.Encoding.UTF8.GetBytes(full.Substring(0, Math.Max(1, full.Length / 2)));
        http.Response.StatusCode = response.Status;
        http.Response.ContentType = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
        http.Response.ContentLength = cut.Length;
        await http.Response.Body.WriteAsync(cut);
    }

    /// <summary>
    /// The request-target as the client sent it, below the version root, read by the same GraphUrl.Split as $batch
    /// step urls. Kestrel's Request.Path is already decoded (except %2F), so it would be decoded twice; RawTarget is not.
    /// </summary>
    private static (string Path, string Query) RequestTarget(HttpContext http, string version)
    {
        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget;
        var root = "/" + version;
        if (raw is not null && raw.StartsWith(root, StringComparison.OrdinalIgnoreCase)
            && (raw.Length == root.Length || raw[root.Length] is '/' or '?' or '#'))
            return GraphUrl.Split(raw[root.Length..]);
        // Absolute-form or an encoded version segment: fall back to the escaped form of what Kestrel decoded.
        return (http.Request.Path.ToUriComponent(), (http.Request.QueryString.Value ?? "").TrimStart('?'));
    }

    public static bool BatchPath(GraphRequest request) => request.Path.Equals("$batch", StringComparison.OrdinalIgnoreCase);

    public static async Task WriteAsync(HttpContext http, GraphResponse response)
    {
        http.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
            http.Response.Headers[name] = value;
        http.Response.Headers.CacheControl = "no-cache";
        if (response.ContentType is { } contentType)
        {
            http.Response.ContentType = contentType;
            if (response.Body is not null)
                await JsonSerializer.SerializeAsync(http.Response.Body, response.Body, SimulatorJson.Options, http.RequestAborted);
            else
                await http.Response.WriteAsync(response.Text!, http.RequestAborted);
        }
    }
}
