using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using System.Threading;
using System;
using SsprTools.Engine.Logging;
using SsprTools.Engine.Logging;

namespace SsprTools.Engine.Graph;

/// <summary>
/// Innermost handler: tells -Verbose each HTTP attempt (method, path, status, milliseconds) and
/// -Debug the request ids. It sits below the retry handler, so every retry is reported too.
/// Never logs headers wholesale: the Authorization header carries the token.
/// </summary>
internal sealed class GraphCallReporter : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var log = AmbientLog.Current;
        var target = Describe(request.RequestUri);
        var attempt = request.Headers.TryGetValues("Retry-Attempt", out var values) ? values.FirstOrDefault() : null;
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var retry = attempt is null ? string.Empty : $" (retry {attempt})";
            log.Verbose($"Graph {request.Method} {target} -> {(int)response.StatusCode} {response.StatusCode} in {stopwatch.ElapsedMilliseconds} ms{retry}");
            log.Debug($"Graph request-id {Header(response, "request-id")}, client-request-id {Header(response, "client-request-id")}");
            return response;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            log.Verbose($"Graph {request.Method} {target} -> failed after {stopwatch.ElapsedMilliseconds} ms: {e.GetType().Name}");
            throw;
        }
    }

    private static string Describe(Uri? uri) =>
        uri is null ? "(no uri)" : Uri.UnescapeDataString(uri.PathAndQuery);

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() ?? "-" : "-";
}
