using System;

namespace SsprTools.Engine.Graph;

/// <summary>
/// How hard to try when Graph throttles (429) or is briefly unavailable (503, 504), and when the
/// network drops a request. Graph's throttling guidance: wait the Retry-After seconds when given,
/// otherwise back off exponentially; the total wait is bounded so a runbook never hangs.
/// </summary>
public sealed record GraphRetryPolicy
{
    public static readonly GraphRetryPolicy Default = new();

    /// <summary>Retries of one request after 429/503/504.</summary>
    public int MaxThrottleRetries { get; init; } = 8;

    /// <summary>Retries of one request after a dropped connection or other transport failure.</summary>
    public int MaxNetworkRetries { get; init; } = 3;

    /// <summary>First back-off when Graph gives no Retry-After; doubles each retry, with full jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest single back-off without Retry-After.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest one attempt may take before it counts as a hung request and is retried.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>Most time one request may spend waiting between attempts, in total.</summary>
    public TimeSpan MaxTotalWait { get; init; } = TimeSpan.FromMinutes(2);
}
