using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace SsprTools.Engine.Graph;

/// <summary>
/// The url of one $batch step: the URL a request of its own would put on the wire, relative to the version root.
/// json-batching.md: a step's url is the "relative resource URL the individual request would typically be sent to",
/// so Graph reads it as a URL: a raw '#' starts a fragment (Graph then answers 404 for the cut-off key) and a raw '+'
/// in a query is a space. The SDK's BatchRequestContent writes it percent-DEcoded (msgraph-sdk-dotnet#2708), which is
/// why the engine writes its own.
/// </summary>
internal static class BatchStepUrl
{
    /// <param name="versionRoot">The client's base URL, e.g. https://graph.microsoft.com/v1.0.</param>
    public static async Task<string> ForAsync(RequestInformation request, string versionRoot)
    {
        // The URI template already percent-encoded every key and query value (RFC 6570 expansion encodes all but
        // unreserved characters, UTF-8 for non-ASCII). AbsoluteUri keeps that encoding; ToString() would undo it.
        var uri = (await AsSentAsync(request.URI).ConfigureAwait(false)).AbsoluteUri;
        var root = new Uri(versionRoot.TrimEnd('/') + "/").AbsoluteUri;
        if (!uri.StartsWith(root, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"A $batch step must be below the version root {root}; this one is {uri}.", nameof(request));
        }

        return "/" + uri.Substring(root.Length);
    }

    // RFC 6570 allows no '$' in a template variable, so Kiota's templates name OData options %24select and its
    // ParametersNameDecodingHandler turns the names back into $select before a request leaves. The same handler runs
    // here, so a step carries exactly the query a request of its own would (values stay encoded).
    // One invoker for every step: the handlers keep no state, and SendAsync may run on several threads at once.
    private static readonly HttpMessageInvoker s_nameDecoder = new(new ParametersNameDecodingHandler { InnerHandler = new EchoHandler() });

    private static async Task<Uri> AsSentAsync(Uri uri)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, uri);
        using var answer = await s_nameDecoder.SendAsync(message, CancellationToken.None).ConfigureAwait(false);
        return answer.RequestMessage?.RequestUri ?? uri;
    }

    /// <summary>Answers without sending: the request as the handlers above left it.</summary>
    private sealed class EchoHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.NoContent) { RequestMessage = request });
    }
}
