using System;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace SsprTools.Engine.Graph;

/// <summary>
/// The retries and waits of one operation under a <see cref="GraphRetryPolicy"/>: counts throttle and network retries,
/// adds up the waits against MaxTotalWait and waits on the session's clock, so tests drive it with a fake one.
/// Not thread-safe: one operation, one budget.
/// </summary>
internal sealed class RetryBudget
{
    private readonly GraphRetryPolicy _policy;
    private readonly TimeProvider _clock;

    public RetryBudget(GraphRetryPolicy policy, TimeProvider clock)
    {
        _policy = policy;
        _clock = clock;
    }

    public int ThrottleRetries { get; private set; }

    public int NetworkRetries { get; private set; }

    /// <summary>The waits granted so far.</summary>
    public TimeSpan Waited { get; private set; }

    public GraphRetryPolicy Policy => _policy;

    /// <summary>The wait before the next retry after 429/503/504, or null when none is left (retries used up, or
    /// the wait would pass MaxTotalWait: a longer Retry-After ends the retries rather than being shortened).</summary>
    public TimeSpan? NextThrottleWait(params RetryConditionHeaderValue?[] retryAfters)
    {
        if (ThrottleRetries >= _policy.MaxThrottleRetries)
        {
            return null;
        }

        var wait = _policy.ThrottleDelay(ThrottleRetries + 1, retryAfters.Length == 0 ? new RetryConditionHeaderValue?[] { null } : retryAfters, _clock.GetUtcNow());
        if (!Reserve(wait))
        {
            return null;
        }

        ThrottleRetries++;
        return wait;
    }

    /// <summary>The wait before the next retry after a transport failure, or null when none is left.</summary>
    public TimeSpan? NextNetworkWait()
    {
        if (NetworkRetries >= _policy.MaxNetworkRetries)
        {
            return null;
        }

        var wait = _policy.Backoff(NetworkRetries + 1);
        if (!Reserve(wait))
        {
            return null;
        }

        NetworkRetries++;
        return wait;
    }

    /// <summary>Waits on the session's clock; cancellation ends the wait at once.</summary>
    public Task WaitAsync(TimeSpan wait, CancellationToken cancellationToken) =>
        wait <= TimeSpan.Zero ? Task.CompletedTask : _clock.Delay(wait, cancellationToken);

    private bool Reserve(TimeSpan wait)
    {
        if (Waited + wait > _policy.MaxTotalWait)
        {
            return false;
        }

        Waited += wait;
        return true;
    }
}
