using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using SsprTools.Engine.Diagnostics;

namespace SsprTools.Engine.Graph;

/// <summary>
/// Retries what is worth retrying and nothing else: 429/503/504 honouring Retry-After (jittered
/// exponential back-off when absent), transport failures a few times, and a 401 once with a fresh
/// token (Azure.Identity renews an expired one). Every wait is cancellable, so Ctrl+C stops at once,
/// and the total wait is bounded by <see cref="GraphRetryPolicy.MaxTotalWait"/>.
/// Replaces the SDK's RetryHandler, which neither jitters nor retries transport failures.
/// </summary>
internal sealed class ResilienceHandler : DelegatingHandler
{
    private static readonly Random Jitter = new();
    private readonly GraphRetryPolicy _policy;
    private readonly Func<Uri, CancellationToken, Task<string>> _freshToken;

    public ResilienceHandler(GraphRetryPolicy policy, Func<Uri, CancellationToken, Task<string>> freshToken)
    {
        _policy = policy;
        _freshToken = freshToken;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            // A retried request re-sends its body, so it must not be a one-shot stream.
            await request.Content.LoadIntoBufferAsync().ConfigureAwait(false);
        }

        var throttleRetries = 0;
        var networkRetries = 0;
        var refreshedToken = false;
        var waited = TimeSpan.Zero;
        while (true)
        {
            HttpResponseMessage response;
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(_policy.AttemptTimeout);
            try
            {
                response = await base.SendAsync(request, attempt.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (IsTransportFailure(e, cancellationToken) && networkRetries < _policy.MaxNetworkRetries)
            {
                networkRetries++;
                var delay = Backoff(networkRetries);
                if (!CanWait(ref waited, delay))
                {
                    throw;
                }

                AmbientLog.Current.Verbose($"Graph {request.Method} {request.RequestUri?.AbsolutePath}: {e.GetType().Name}; retrying in {delay.TotalSeconds:0.0} s (network retry {networkRetries} of {_policy.MaxNetworkRetries}).");
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new HttpRequestException($"Graph did not answer within {_policy.AttemptTimeout.TotalSeconds:0} s.", e);
            }

            if (IsThrottledOrUnavailable(response.StatusCode) && throttleRetries < _policy.MaxThrottleRetries)
            {
                throttleRetries++;
                var delay = RetryAfter(response) ?? Backoff(throttleRetries);
                if (!CanWait(ref waited, delay))
                {
                    AmbientLog.Current.Verbose($"Graph {request.Method} {request.RequestUri?.AbsolutePath}: {(int)response.StatusCode} again; giving up after waiting {waited.TotalSeconds:0} s in total.");
                    return response;
                }

                AmbientLog.Current.Verbose($"Graph {request.Method} {request.RequestUri?.AbsolutePath}: {(int)response.StatusCode}; retrying in {delay.TotalSeconds:0.0} s (retry {throttleRetries} of {_policy.MaxThrottleRetries}).");
                response.Dispose();
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
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

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    // "Equal jitter" (AWS architecture blog, "Exponential Backoff And Jitter"): spreads retries of
    // many parallel requests so they do not hit Graph again in lockstep.
    private TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(_policy.MaxDelay.TotalMilliseconds, _policy.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        double fraction;
        lock (Jitter)
        {
            fraction = Jitter.NextDouble();
        }

        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (fraction / 2)));
    }

    private bool CanWait(ref TimeSpan waited, TimeSpan delay)
    {
        if (waited + delay > _policy.MaxTotalWait)
        {
            return false;
        }

        waited += delay;
        return true;
    }
}
