using System;
using Microsoft.Kiota.Abstractions;

namespace SsprTools.Engine.Graph;

/// <summary>
/// The url of one $batch step: the request's URI relative to the version root, percent-encoded exactly as the SDK
/// encodes it for a request of its own. json-batching.md: a step's url is the "relative resource URL the individual
/// request would typically be sent to", so it is read as a URL: a raw '#' starts a fragment (Graph then answers 404
/// for the cut-off key) and a raw '+' in a query is a space. The SDK's BatchRequestContent writes the url
/// percent-DEcoded (msgraph-sdk-dotnet#2708), which is why the engine writes its own.
/// </summary>
internal static class BatchStepUrl
{
    /// <param name="versionRoot">The client's base URL, e.g. https://graph.microsoft.com/v1.0.</param>
    public static string For(RequestInformation request, string versionRoot)
    {
        // The URI template already percent-encoded every key and query value (RFC 6570 expansion encodes all but
        // unreserved characters, UTF-8 for non-ASCII). AbsoluteUri keeps that encoding; ToString() would undo it.
        var uri = request.URI.AbsoluteUri;
        var root = new Uri(versionRoot.TrimEnd('/') + "/").AbsoluteUri;
        if (!uri.StartsWith(root, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"A $batch step must be below the version root {root}; this one is {uri}.", nameof(request));
        }

        return "/" + uri.Substring(root.Length);
    }
}
