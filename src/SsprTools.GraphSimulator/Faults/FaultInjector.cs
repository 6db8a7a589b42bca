namespace SsprTools.GraphSimulator.Faults;

/// <summary>What to do to one request.</summary>
internal enum FaultKind { None, Drop, Throttle, ServiceUnavailable, GatewayTimeout }

/// <summary>
/// Decides faults from (seed, request sequence number) alone, so a run with the same seed and the same request order
/// fails at the same places (a seeded Random per request, never a shared one).
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
        var random = new Random(unchecked(_settings.Seed * 1_000_003 + (int)sequence * 7919));
        var drop = random.NextDouble();
        var throttle = random.NextDouble();
        var serverError = random.NextDouble();
        var which = random.NextDouble();
        if (transport && drop < _settings.DropRate)
            return FaultKind.Drop;
        if (throttle < _settings.ThrottleRate)
            return FaultKind.Throttle;
        if (serverError < _settings.ServerErrorRate)
            return which < 0.5 ? FaultKind.ServiceUnavailable : FaultKind.GatewayTimeout;
        return FaultKind.None;
    }
}
