using System;
using System.Collections.Generic;
using System.Net.Http.Headers;

namespace SsprTools.Engine.Graph;

/// <summary>
/// How hard to try when Graph throttles (429) or is briefly unavailable (503, 504), and when the
/// network drops a request, and the one place that computes every wait: the resilience handler
/// (single requests) and the $batch loop (throttled steps) both ask <see cref="StartOperation"/>.
/// Graph's throttling guidance (concepts/throttling.md, "Best practices to handle throttling"): wait
/// the Retry-After when given, otherwise back off exponentially; the total wait is bounded so a
/// runbook never hangs.
/// </summary>
/// <remarks>
/// Hand-written rather than a Polly ResiliencePipeline: the $batch loop does not retry one callback
/// but re-sends the subset of steps that were throttled, round by round, so it needs the delay alone,
/// not a pipeline that owns the call; and Polly would add an assembly to the isolated Dependencies/.
/// </remarks>
public sealed record GraphRetryPolicy
{
    public static readonly GraphRetryPolicy Default = new();

    private static readonly Random SharedJitter = new();

    /// <summary>Retries of one request (or one $batch step) after 429/503/504.</summary>
    public int MaxThrottleRetries { get; init; } = 8;

    /// <summary>Retries of one request after a dropped connection or other transport failure.</summary>
    public int MaxNetworkRetries { get; init; } = 3;

    /// <summary>First back-off when Graph gives no Retry-After; doubles each retry, jittered.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Cap of one computed back-off. A Retry-After Graph sends is never shortened (see <see cref="ServerDelay"/>).</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest one attempt may take before it counts as a hung request and is retried.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>Most time one operation (a request with its retries, or a $batch with its re-sent steps) may spend waiting, in total.</summary>
    public TimeSpan MaxTotalWait { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Draws the jitter fraction in [0, 1); replaced by tests to pin the bounds.</summary>
    internal Func<double> Jitter { get; init; } = NextShared;

    /// <summary>The waits of one operation, counted against this policy's retry counts and total bound.</summary>
    internal RetryBudget StartOperation(TimeProvider clock) => new(this, clock);

    /// <summary>
    /// The wait Graph asked for, relative to <paramref name="now"/>: Retry-After is delay-seconds or an
    /// HTTP-date (RFC 9110 §10.2.3); a date already past means "now". Null when there is no Retry-After.
    /// Never shortened: retrying before it only earns another 429 (throttling.md).
    /// </summary>
    internal static TimeSpan? ServerDelay(RetryConditionHeaderValue? retryAfter, DateTimeOffset now)
    {
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>
    /// The computed back-off before retry <paramref name="retry"/> (1-based): BaseDelay doubled per retry, capped at
    /// MaxDelay, then "equal jitter" (AWS architecture blog, "Exponential Backoff And Jitter"): between half the
    /// ceiling and the ceiling, so parallel requests do not hit Graph again in lockstep yet never retry at once.
    /// </summary>
    internal TimeSpan Backoff(int retry)
    {
        var doubled = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, retry - 1));
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, doubled);
        var fraction = Math.Min(Math.Max(Jitter(), 0), 1);
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (fraction / 2)));
    }

    /// <summary>The wait before retry <paramref name="retry"/> after answers carrying <paramref name="retryAfters"/>
    /// (one for a request, one per throttled step for a $batch): the longest of them, each step without Retry-After
    /// taking the computed back-off.</summary>
    internal TimeSpan ThrottleDelay(int retry, IEnumerable<RetryConditionHeaderValue?> retryAfters, DateTimeOffset now)
    {
        TimeSpan? backoff = null;
        var wait = TimeSpan.Zero;
        foreach (var retryAfter in retryAfters)
        {
            var one = ServerDelay(retryAfter, now) ?? (backoff ??= Backoff(retry));
            wait = one > wait ? one : wait;
        }

        return wait;
    }

    private static double NextShared()
    {
        lock (SharedJitter)
        {
            return SharedJitter.NextDouble();
        }
    }
}
