using System;
using System.Net.Http;
using Azure.Core;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace SsprTools.Engine.Graph;

/// <summary>
/// Builds the Graph SDK client through GraphClientFactory, so the SDK's handler chain (redirects,
/// compression, headers, telemetry) takes part, with our <see cref="ResilienceHandler"/> in place
/// of the SDK's RetryHandler and <see cref="GraphCallReporter"/> innermost to report every attempt.
/// </summary>
internal static class GraphClientBuilder
{
    public const string ApiVersion = "v1.0";

    public static GraphServiceClient Build(Uri serviceRoot, TokenCredential credential, string[] scopes, GraphRetryPolicy retry, TimeProvider clock, out HttpClient httpClient, HttpMessageHandler? transport = null)
    {
        var tokens = new HostBoundTokenProvider(credential, scopes, serviceRoot);
        var handlers = GraphClientFactory.CreateDefaultHandlers(new GraphClientOptions());
        var retryIndex = handlers.IndexOf(FindRetryHandler(handlers));
        var resilience = new ResilienceHandler(retry, clock, (uri, cancel) => tokens.GetAuthorizationTokenAsync(uri, cancellationToken: cancel));
        if (retryIndex >= 0)
        {
            handlers[retryIndex] = resilience;
        }
        else
        {
            handlers.Insert(0, resilience);
        }

        handlers.Add(new GraphCallReporter());
        httpClient = GraphClientFactory.Create(handlers, ApiVersion, finalHandler: transport);
        var baseUrl = new Uri(serviceRoot, ApiVersion).ToString();
        httpClient.BaseAddress = new Uri(baseUrl);
        // Our handler bounds the waits; HttpClient's own 100 s timeout would cut a long, legitimate retry short.
        httpClient.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        return new GraphServiceClient(httpClient, new BaseBearerTokenAuthenticationProvider(tokens), baseUrl);
    }

    private static DelegatingHandler? FindRetryHandler(System.Collections.Generic.IList<DelegatingHandler> handlers)
    {
        foreach (var handler in handlers)
        {
            if (handler is RetryHandler)
            {
                return handler;
            }
        }

        return null;
    }
}
