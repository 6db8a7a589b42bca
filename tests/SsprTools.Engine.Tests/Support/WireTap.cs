using System.Collections.Concurrent;
using System.Text.Json;

namespace SsprTools.Engine.Tests.Support;

/// <summary>One request as it left the engine: the request target HttpClient writes (path and query, escaped) and the body.</summary>
internal sealed record WireRequest(string Method, string Target, string? Body)
{
    /// <summary>The step urls of a $batch body, exactly as written (json-batching.md: requests[].url).</summary>
    public IReadOnlyList<string> StepUrls =>
        Body is null || !Target.EndsWith("/$batch", StringComparison.Ordinal)
            ? []
            : JsonDocument.Parse(Body).RootElement.GetProperty("requests").EnumerateArray().Select(step => step.GetProperty("url").GetString()!).ToList();
}

/// <summary>
/// The transport below the engine's handler chain: records every request as it goes on the wire, then sends it
/// on (to the simulator). Tests assert the wire format itself, so a lenient simulator cannot hide a wrong URL.
/// </summary>
internal sealed class WireTap : DelegatingHandler
{
    public WireTap()
        : base(new SocketsHttpHandler())
    {
    }

    public ConcurrentQueue<WireRequest> Requests { get; } = new();

    /// <summary>The step urls of every $batch request, in the order sent.</summary>
    public IEnumerable<string> StepUrls => Requests.SelectMany(r => r.StepUrls);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Reading the content buffers it, so it is still sent in full below.
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        // SocketsHttpHandler writes RequestUri.PathAndQuery as the request target: this is the wire form.
        Requests.Enqueue(new WireRequest(request.Method.Method, request.RequestUri!.PathAndQuery, body));
        return await base.SendAsync(request, cancellationToken);
    }
}
