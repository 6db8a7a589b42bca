namespace SsprTools.GraphSimulator.Faults;

/// <summary>What to do to one request.</summary>
internal enum FaultKind { None, Drop, Throttle, ServiceUnavailable, GatewayTimeout, Truncate }

/// <summary>
/// Decides faults from (seed, request sequence number) alone, so a run with the same seed and the same request order
/// fails at the same places (a hash of seed and sequence, never a shared Random).
/// </summary>
internal sealed class FaultInjector
{
    private readonly FaultSettings _settings;

    public FaultInjector(FaultSettings settings) => _settings = settings;

    public FaultSettings Settings => _settings;

    /// <param name="sequence">The request's journal sequence number.</param>
    /// <param name="transport">False for $batch steps: they can be throttled or fail, but have no connection to drop.</param>
    public FaultKind Decide(long sequence, bool transport)
    {
        var drop = Uniform(sequence, 1);
        var throttle = Uniform(sequence, 2);
        var serverError = Uniform(sequence, 3);
        var which = Uniform(sequence, 4);
        if (transport && drop < _settings.DropRate)
            return FaultKind.Drop;
        if (transport && Uniform(sequence, 5) < _settings.TruncateRate)
            return FaultKind.Truncate;
        if (throttle < _settings.ThrottleRate)
            return FaultKind.Throttle;
        if (serverError < _settings.ServerErrorRate)
            return which < 0.5 ? FaultKind.ServiceUnavailable : FaultKind.GatewayTimeout;
        return FaultKind.None;
    }

    // A uniform [0,1) draw that depends only on (seed, sequence, stream). Not System.Random: its
    // first outputs for nearby seeds are correlated, so neighbouring requests failed together.
    // SplitMix64's finalizer gives independent-looking draws for neighbouring inputs.
    private double Uniform(long sequence, int stream)
    {
        unchecked
        {
            var z = ((ulong)(uint)_settings.Seed << 40) ^ ((ulong)sequence << 4) ^ (ulong)stream;
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (z >> 11) * (1.0 / (1UL << 53));
        }
    }
}
