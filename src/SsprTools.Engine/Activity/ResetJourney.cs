using System;
using System.Collections.Generic;
using System.Linq;
using SsprTools.Engine.Catalogs;
using SsprTools.Model;

namespace SsprTools.Engine.Activity;

/// <summary>
/// Turns the events of one correlationId into one <see cref="SsprResetAttempt"/>. All SSPR events of one user flow share
/// the correlationId (sspr-audit.md §3). The outcome is what the latest deciding event says, so a refused new password
/// followed by an accepted one is a success and failures ending in a 24-hour block are Blocked. With no deciding event the
/// journey never finished: the user closed the page (there is no "abandoned" event; §3), or is still on it.
/// </summary>
internal static class ResetJourney
{
    /// <summary>The attempt, or null when the events are not a self-service reset (an admin reset, a registration).</summary>
    public static SsprResetAttempt? Build(IEnumerable<AuditEvent> events)
    {
        var ordered = events
            .Where(e => AuditActivityCatalog.Is(e.Service, AuditActivityCatalog.SelfServicePasswordManagement))
            .OrderBy(e => e.Time)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
        if (!ordered.Any(e => AuditActivityCatalog.IsResetJourneyActivity(e.Activity)))
        {
            return null;
        }

        var classified = ordered.Select(e => (Event: e, Meaning: AuditReasonCatalog.Classify(e.Activity, e.Result, e.Reason))).ToList();
        var deciding = classified.LastOrDefault(c => c.Meaning.Kind != ReasonKind.Step);
        var last = ordered[ordered.Count - 1];
        var user = ordered.FirstOrDefault(e => e.TargetUserId is not null) ?? ordered[0];

        return new SsprResetAttempt
        {
            UserId = user.TargetUserId ?? user.InitiatorUserId ?? "",
            UserPrincipalName = user.TargetUserPrincipalName ?? user.InitiatorUserPrincipalName ?? "",
            CorrelationId = ordered[0].CorrelationId,
            StartedAt = ordered[0].Time,
            EndedAt = last.Time,
            Outcome = deciding.Event is null ? ResetAttemptOutcome.Abandoned : OutcomeOf(deciding.Meaning.Kind),
            ErrorCode = deciding.Event is null ? null : deciding.Meaning.ErrorCode,
            Reason = deciding.Event is null ? Unfinished(last) : ReasonOf(deciding.Event),
            Steps = ordered.Select(e => new SsprResetStep { Time = e.Time, Activity = e.Activity, Result = e.Result, Reason = e.Reason }).ToArray(),
        };
    }

    private static string OutcomeOf(ReasonKind kind) => kind switch
    {
        ReasonKind.Succeeded => ResetAttemptOutcome.Succeeded,
        ReasonKind.Failed => ResetAttemptOutcome.Failed,
        ReasonKind.Blocked => ResetAttemptOutcome.Blocked,
        _ => ResetAttemptOutcome.Abandoned,
    };

    private static string ReasonOf(AuditEvent e) => string.IsNullOrWhiteSpace(e.Reason) ? $"{e.Activity}: {e.Result}" : e.Reason.Trim();

    private static string Unfinished(AuditEvent last) =>
        $"No success, failure or block was logged; the last step was \"{ReasonOf(last)}\" at {last.Time.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z.";
}
