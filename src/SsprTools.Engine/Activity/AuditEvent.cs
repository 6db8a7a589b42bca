using System;

namespace SsprTools.Engine.Activity;

/// <summary>The parts of one directoryAudit (graph-docs resources/directoryaudit.md) a reset journey is built from.
/// The target is the user whose password the step is about; the initiator is who acted (the same user for
/// self-service steps, an administrator for "Reset password (by admin)"; howto-sspr-reporting.md).</summary>
internal sealed record AuditEvent(
    string Id,
    DateTimeOffset Time,
    string Service,
    string Activity,
    string CorrelationId,
    string Result,
    string Reason,
    string? TargetUserId,
    string? TargetUserPrincipalName,
    string? InitiatorUserId,
    string? InitiatorUserPrincipalName);
