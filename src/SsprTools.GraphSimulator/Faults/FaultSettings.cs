namespace SsprTools.GraphSimulator.Faults;

/// <summary>Faults injected into Graph requests. Mutable at run time; decisions are deterministic per (Seed, request sequence).</summary>
public sealed class FaultSettings
{
    /// <summary>Delay added to every Graph HTTP request.</summary>
    public int LatencyMs { get; set; }

    /// <summary>Fraction (0..1) of Graph requests answered 429.</summary>
    public double ThrottleRate { get; set; }

    /// <summary>Value of the Retry-After header on injected 429 (and 503) responses.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Send 429 without Retry-After, as some Graph services do (throttling guidance).</summary>
    public bool OmitRetryAfter { get; set; }

    /// <summary>Fraction (0..1) of Graph requests answered 503 or 504.</summary>
    public double ServerErrorRate { get; set; }

    /// <summary>After a PATCH, reads keep returning the old value for this long (replication lag; the docs allow up to 60 minutes for allowedToUseSSPR).</summary>
    public int PatchVisibilityDelayMs { get; set; }

    /// <summary>Fraction (0..1) of Graph HTTP requests whose connection is aborted without a response.</summary>
    public double DropRate { get; set; }

    /// <summary>Fraction (0..1) of Graph requests answered 200 with a JSON body cut off midway (a response truncated in transit).</summary>
    public double TruncateRate { get; set; }

    /// <summary>Seed for the per-request fault decisions.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>True when any fault is configured.</summary>
    internal bool Any => LatencyMs > 0 || ThrottleRate > 0 || ServerErrorRate > 0 || DropRate > 0 || TruncateRate > 0 || PatchVisibilityDelayMs > 0;

    internal FaultSettings Clone() => (FaultSettings)MemberwiseClone();

    internal void CopyFrom(FaultSettings other)
    {
        LatencyMs = other.LatencyMs;
        ThrottleRate = other.ThrottleRate;
        RetryAfterSeconds = other.RetryAfterSeconds;
        OmitRetryAfter = other.OmitRetryAfter;
        ServerErrorRate = other.ServerErrorRate;
        DropRate = other.DropRate;
        TruncateRate = other.TruncateRate;
        PatchVisibilityDelayMs = other.PatchVisibilityDelayMs;
        Seed = other.Seed;
    }
}
