using System.IO;
using System.Net.Http.Headers;
using System.Net.Http;
using System.Net;
using System.Threading.Tasks;
using System.Threading;
using System;
using SsprTools.Engine.Logging;
using SsprTools.Engine.Logging;

namespace SsprTools.Engine.Graph;

/// <summary>
/// Retries what is worth retrying and nothing else: 429/503/504 honouring Retry-After (jittered
/// exponential back-off when absent), transport failures a few times, and a 401 once with a fresh
/// token (Azure.Identity renews an expired one). Every wait comes from the session's
/// <see cref="GraphRetryPolicy"/> (the same one the $batch loop uses), is counted against its total
/// bound and waits on the session's clock, cancellably, so Ctrl+C stops at once.
/// Replaces the SDK's RetryHandler, which neither jitters nor retries transport failures.
/// </summary>
internal sealed class ResilienceHandler : DelegatingHandler
{
    private readonly GraphRetryPolicy _policy;
    private readonly TimeProvider _clock;
    private readonly Func<Uri, CancellationToken, Task<string>> _freshToken;

    public ResilienceHandler(GraphRetryPolicy policy, TimeProvider clock, Func<Uri, CancellationToken, Task<string>> freshToken)
    {
        _policy = policy;
        _clock = clock;
        _freshToken = freshToken;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            // A retried request re-sends its body, so it must not be a one-shot stream.
            await request.Content.LoadIntoBufferAsync().ConfigureAwait(false);
        }

        var budget = _policy.StartOperation(_clock);
        var refreshedToken = false;
        while (true)
        {
            HttpResponseMessage response;
            using var timeout = _clock.CreateCancellationTokenSource(_policy.AttemptTimeout);
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                response = await base.SendAsync(request, attempt.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (IsTransportFailure(e, cancellationToken))
            {
                if (budget.NextNetworkWait() is not { } delay)
                {
                    if (e is OperationCanceledException)
                    {
                        throw new HttpRequestException($"Graph did not answer within {_policy.AttemptTimeout.TotalSeconds:0} s.", e);
                    }

                    throw;
                }

                AmbientLog.Current.Verbose($"Graph {request.Method} {request.RequestUri?.AbsolutePath}: {e.GetType().Name}; retrying in {delay.TotalSeconds:0.0} s (network retry {budget.NetworkRetries} of {_policy.MaxNetworkRetries}).");
                await budget.WaitAsync(delay, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (IsThrottledOrUnavailable(response.StatusCode))
            {
                if (budget.NextThrottleWait(response.Headers.RetryAfter) is not { } delay)
                {
                    AmbientLog.Current.Verbose($"Graph {request.Method} {request.RequestUri?.AbsolutePath}: {(int)response.StatusCode} again; giving up after {budget.ThrottleRetries} retries and {budget.Waited.TotalSeconds:0} s of waiting.");
                    return response;
                }

                AmbientLog.Current.Verbose($"Graph {request.Method} {request.RequestUri?.AbsolutePath}: {(int)response.StatusCode}; retrying in {delay.TotalSeconds:0.0} s (retry {budget.ThrottleRetries} of {_policy.MaxThrottleRetries}).");
                response.Dispose();
                await budget.WaitAsync(delay, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (response.StatusCode == HttpStatusCode.Unauthorized && !refreshedToken && request.RequestUri is { } uri)
            {
                refreshedToken = true;
                var token = await _freshToken(uri, cancellationToken).ConfigureAwait(false);
                if (token.Length > 0 && !string.Equals(request.Headers.Authorization?.Parameter, token, StringComparison.Ordinal))
                {
                    AmbientLog.Current.Verbose($"Graph {request.Method} {uri.AbsolutePath}: 401; retrying once with a renewed token.");
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    response.Dispose();
                    continue;
                }
            }

            return response;
        }
    }

    private static bool IsThrottledOrUnavailable(HttpStatusCode status) =>
        (int)status == 429 || status == HttpStatusCode.ServiceUnavailable || status == HttpStatusCode.GatewayTimeout;

    // A cancellation the caller did not ask for is our per-attempt timeout: a hung request.
    private static bool IsTransportFailure(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException or IOException
        || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}
