using System;
using System.Net.Http;
using Azure.Core;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace SsprTools.Engine.Graph;

/// <summary>
/// Builds the Graph SDK client. It must go through GraphClientFactory: only then does the SDK's
/// handler chain (retry on 429/503/504 honouring Retry-After, redirects, compression) take part.
/// </summary>
internal static class GraphClientBuilder
{
    public const string ApiVersion = "v1.0";

    public static GraphServiceClient Build(Uri serviceRoot, TokenCredential credential, string[] scopes, out HttpClient httpClient)
    {
        var handlers = GraphClientFactory.CreateDefaultHandlers(new GraphClientOptions());
        handlers.Add(new GraphCallReporter());
        httpClient = GraphClientFactory.Create(handlers, ApiVersion);
        var baseUrl = new Uri(serviceRoot, ApiVersion).ToString();
        httpClient.BaseAddress = new Uri(baseUrl);
        var authentication = new BaseBearerTokenAuthenticationProvider(new HostBoundTokenProvider(credential, scopes, serviceRoot));
        return new GraphServiceClient(httpClient, authentication, baseUrl);
    }
}
