using System.Globalization;
using System.Xml;

namespace SsprTools.GraphSimulator.Tenant;

/// <summary>Turns a scenario's auditLog section into the tenant's AuditLog: resolves users, times and ids.</summary>
internal static class AuditLogBuilder
{
    // Observed id shapes are "<service code>_<correlationId>_<5 characters>_<number>" (sspr-audit.md §2); the SSPR
    // service's own code is not documented (open question 12), "SSPR" is ours.
    private static readonly Dictionary<string, string> IdPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        [AuditJourneys.SsprService] = "SSPR",
        ["Core Directory"] = "Directory",
        ["Self-service Group Management"] = "SSGM",
        ["PIM"] = "PIM",
    };

    public static AuditLog Build(ScenarioFile file, IReadOnlyList<UserRecord> users, DateTimeOffset now)
    {
        if (file.AuditLog is not { } spec)
            return AuditLog.Empty;
        var byKey = new Dictionary<string, UserRecord>(StringComparer.OrdinalIgnoreCase);
        foreach (var u in users)
        {
            byKey[u.Id] = u;
            byKey[u.UserPrincipalName] = u;
        }
        UserRecord User(string key, string context) =>
            byKey.GetValueOrDefault(key) ?? throw new ScenarioException($"Scenario '{file.Name}': {context} refers to unknown user '{key}'.");
        string Id(string service, string correlationId, int index) => EventId(file.TenantId, service, correlationId, index);

        var events = new List<AuditEvent>();
        for (var i = 0; i < spec.Journeys.Count; i++)
        {
            var journey = spec.Journeys[i];
            var user = User(journey.User, $"auditLog.journeys[{i}]");
            var correlationId = journey.CorrelationId ?? Ids.Derive(file.TenantId, "journey", i.ToString(CultureInfo.InvariantCulture));
            var start = Time(journey.Start, now, $"auditLog.journeys[{i}].start");
            events.AddRange(AuditJourneys.Expand(journey, user, start, correlationId, (c, n) => Id(AuditJourneys.SsprService, c, n)));
        }
        for (var i = 0; i < spec.Events.Count; i++)
        {
            var e = spec.Events[i];
            var context = $"auditLog.events[{i}]";
            if (string.IsNullOrWhiteSpace(e.Activity))
                throw new ScenarioException($"Scenario '{file.Name}': {context} has no activity.");
            var correlationId = e.CorrelationId ?? Ids.Derive(file.TenantId, "event", i.ToString(CultureInfo.InvariantCulture));
            events.Add(new AuditEvent
            {
                Id = e.Id ?? Id(e.Service, correlationId, 0),
                ActivityDateTime = Time(e.At, now, context + ".at"),
                ActivityDisplayName = e.Activity,
                Category = e.Category,
                CorrelationId = correlationId,
                LoggedByService = e.Service,
                OperationType = e.OperationType,
                Result = e.Result,
                ResultReason = e.Reason,
                InitiatedByUser = e.By is null ? null : Actor(e.By, e.IpAddress, byKey),
                InitiatedByApp = e.App is { } app ? new AuditApp(app.AppId, app.DisplayName, app.ServicePrincipalId, app.ServicePrincipalName) : null,
                TargetResources = e.Targets.Select(t => Target(t, u => User(u, context + ".targets"))).ToList(),
                AdditionalDetails = e.Details.Select(d => KeyValuePair.Create(d.Key, d.Value)).ToList(),
            });
        }
        return new AuditLog(events, spec.Settings);
    }

    /// <summary>"2026-12-02T17:46:09Z" as written, or "-P2DT3H": that long before <paramref name="now"/>.</summary>
    public static DateTimeOffset Time(string text, DateTimeOffset now, string context)
    {
        try
        {
            if (text.StartsWith("-P", StringComparison.Ordinal))
                return now + XmlConvert.ToTimeSpan(text);
            return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind | DateTimeStyles.AssumeUniversal);
        }
        catch (FormatException)
        {
            throw new ScenarioException($"{context}: '{text}' is neither an ISO 8601 time nor a duration before now such as \"-P2DT3H\".");
        }
    }

    private static AuditUser Actor(string key, string? ip, Dictionary<string, UserRecord> users) =>
        users.TryGetValue(key, out var u)
            ? new AuditUser(u.Id, u.DisplayName, u.UserPrincipalName, ip ?? AuditJourneys.IpFor(u.Id))
            // Internal accounts (fim_password_service, Sync_*) are not directory users: no id (useridentity.md allows that).
            : new AuditUser(null, key.Split('@')[0], key, ip);

    private static AuditTarget Target(AuditTargetSpec t, Func<string, UserRecord> user)
    {
        var modified = t.ModifiedProperties.Select(m => new AuditModifiedProperty(m.DisplayName, m.OldValue, m.NewValue)).ToList();
        if (t.User is null)
            return new AuditTarget(t.Id, t.DisplayName, t.Type, t.UserPrincipalName, modified);
        var u = user(t.User);
        return new AuditTarget(u.Id, u.DisplayName, "User", u.UserPrincipalName, modified);
    }

    private static string EventId(string tenantId, string service, string correlationId, int index)
    {
        var hash = Ids.Derive(tenantId, "audit", correlationId, index.ToString(CultureInfo.InvariantCulture)).Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();
        var prefix = IdPrefixes.GetValueOrDefault(service) ?? new string(service.Where(char.IsLetter).ToArray());
        var number = Convert.ToUInt32(hash[5..13], 16) % 1_000_000_000;
        return $"{prefix}_{correlationId}_{hash[..5]}_{number}";
    }
}
