using System;
using System.Collections.Generic;
using System.Linq;
using SsprTools.Model;

namespace SsprTools.Engine.Activity;

/// <summary>
/// Groups a stream of audit events, newest first, into reset attempts without holding the whole log: a journey is
/// complete once the stream has moved <see cref="QuietPeriod"/> before its earliest event. Microsoft documents no
/// journey length; an SSPR session that stays silent for an hour has ended (our choice, docs/rules.md). Memory is the
/// journeys open inside that window, not the log.
/// </summary>
internal sealed class JourneyAssembler
{
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromHours(1);

    private readonly Dictionary<string, List<AuditEvent>> _open = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DateTimeOffset> _earliest = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Adds one event; returns the journeys it shows to be complete, newest first.</summary>
    public IReadOnlyList<SsprResetAttempt> Add(AuditEvent e)
    {
        if (!_open.TryGetValue(e.CorrelationId, out var events))
        {
            _open[e.CorrelationId] = events = new List<AuditEvent>();
        }

        events.Add(e);
        _earliest[e.CorrelationId] = _earliest.TryGetValue(e.CorrelationId, out var earliest) && earliest < e.Time ? earliest : e.Time;
        var closed = _earliest.Where(j => j.Value - QuietPeriod > e.Time).Select(j => j.Key).ToList();
        return Close(closed);
    }

    /// <summary>Every journey still open, newest first: the end of the stream.</summary>
    public IReadOnlyList<SsprResetAttempt> Complete() => Close(_open.Keys.ToList());

    private IReadOnlyList<SsprResetAttempt> Close(List<string> correlationIds)
    {
        if (correlationIds.Count == 0)
        {
            return Array.Empty<SsprResetAttempt>();
        }

        var attempts = new List<SsprResetAttempt>();
        foreach (var id in correlationIds)
        {
            var attempt = ResetJourney.Build(_open[id]);
            _open.Remove(id);
            _earliest.Remove(id);
            if (attempt is not null)
            {
                attempts.Add(attempt);
            }
        }

        return attempts.OrderByDescending(a => a.StartedAt).ToList();
    }
}
