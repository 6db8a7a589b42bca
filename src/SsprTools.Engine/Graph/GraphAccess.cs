using System.Net.Http;
using System;
using Microsoft.Graph;
using SsprTools.Model;

namespace SsprTools.Engine.Graph;

/// <summary>
/// What a service needs to call Microsoft Graph for one connection: the SDK client and its handler pipeline, the service
/// root, the retry policy, the clock, and what the token says about the caller. The connection (<c>SsprSession</c>) owns
/// these and their lifetime; services (the diagnosis, the admin switch, the audit log) take this and nothing else, so the
/// connection depends on none of them.
/// </summary>
public sealed class GraphAccess
{
    internal GraphAccess(GraphServiceClient client, HttpClient httpClient, Uri serviceRoot, GraphRetryPolicy retry, TimeProvider clock, SsprConnection caller)
    {
        Client = client;
        HttpClient = httpClient;
        ServiceRoot = serviceRoot;
        Retry = retry;
        Clock = clock;
        Caller = caller;
    }

    /// <summary>Tenant, endpoint and token kind of the connection, for evidence and results.</summary>
    public SsprConnection Caller { get; }

    internal GraphServiceClient Client { get; }

    /// <summary>The SDK's handler pipeline (resilience, reporting); requests sent on it directly still need authenticating.</summary>
    internal HttpClient HttpClient { get; }

    internal Uri ServiceRoot { get; }

    internal GraphRetryPolicy Retry { get; }

    /// <summary>The clock of this connection (<c>ConnectionRequest.Clock</c>).</summary>
    internal TimeProvider Clock { get; }
}
