namespace SsprTools.GraphSimulator.Tenant;

/// <summary>The tenant's directory audit records, newest first, and the rules for reading them.</summary>
internal sealed class AuditLog
{
    private readonly AuditEvent[] _newestFirst;
    private readonly Dictionary<string, AuditEvent> _byId;

    public AuditLog(IEnumerable<AuditEvent> events, AuditLogSettings settings)
    {
        _newestFirst = events.OrderByDescending(e => e.ActivityDateTime).ThenBy(e => e.Id, StringComparer.Ordinal).ToArray();
        _byId = new Dictionary<string, AuditEvent>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in _newestFirst)
            if (!_byId.TryAdd(e.Id, e))
                throw new ScenarioException($"Two audit events share the id '{e.Id}'.");
        Settings = settings;
    }

    public static AuditLog Empty { get; } = new([], new AuditLogSettings());

    public AuditLogSettings Settings { get; }

    /// <summary>Every record, kept or not (for tests and the generator's measurements).</summary>
    public int Count => _newestFirst.Length;

    /// <summary>Days the tenant keeps: the setting, else 30 with Entra ID P1/P2 and 7 on Free.</summary>
    public int RetentionDays(TenantState tenant) => Settings.RetentionDays ?? (tenant.HasPremiumP1 ? 30 : 7);

    /// <summary>The oldest instant still kept at <paramref name="now"/>.</summary>
    public DateTimeOffset KeptSince(TenantState tenant, DateTimeOffset now) => now.AddDays(-RetentionDays(tenant));

    /// <summary>
    /// The earliest lower bound a query may name. Observed: midnight UTC of (today − 31 days) for a 30-day tenant
    /// (open question 11); we apply "retention + 1 days, at midnight" to every retention.
    /// </summary>
    public DateTimeOffset MinimumQueryTime(TenantState tenant, DateTimeOffset now) =>
        new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(-(RetentionDays(tenant) + 1));

    /// <summary>The records kept at <paramref name="now"/>, in the default order.</summary>
    public IReadOnlyList<AuditEvent> Kept(TenantState tenant, DateTimeOffset now)
    {
        var since = KeptSince(tenant, now);
        var kept = _newestFirst.Where(e => e.ActivityDateTime >= since && e.ActivityDateTime <= now);
        return (Settings.DefaultOrder.Equals("asc", StringComparison.OrdinalIgnoreCase) ? kept.Reverse() : kept).ToList();
    }

    /// <summary>One record if it is still kept.</summary>
    public AuditEvent? Find(TenantState tenant, string id, DateTimeOffset now) =>
        _byId.TryGetValue(id, out var e) && e.ActivityDateTime >= KeptSince(tenant, now) && e.ActivityDateTime <= now ? e : null;
}
