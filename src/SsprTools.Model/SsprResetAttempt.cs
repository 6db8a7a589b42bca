using System;

namespace SsprTools.Model;

/// <summary>One self-service password reset journey as the Entra audit log recorded it: the events of one
/// correlationId logged by the Self-service Password Management service.</summary>
public sealed class SsprResetAttempt
{
    /// <summary>Object id of the user who tried to reset (the target of the steps).</summary>
    public string UserId { get; init; } = "";

    public string UserPrincipalName { get; init; } = "";

    /// <summary>The correlationId that ties the journey's events together.</summary>
    public string CorrelationId { get; init; } = "";

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset EndedAt { get; init; }

    /// <summary><see cref="ResetAttemptOutcome.Succeeded"/>, <see cref="ResetAttemptOutcome.Failed"/>,
    /// <see cref="ResetAttemptOutcome.Abandoned"/> or <see cref="ResetAttemptOutcome.Blocked"/>.</summary>
    public string Outcome { get; init; } = ResetAttemptOutcome.Abandoned;

    /// <summary>"SSPR_00NN" where the deciding reason matches a documented code's wording; null otherwise.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The deciding resultReason in Microsoft's words, or why none decided.</summary>
    public string Reason { get; init; } = "";

    /// <summary>Every event of the journey, oldest first.</summary>
    public SsprResetStep[] Steps { get; init; } = Array.Empty<SsprResetStep>();

    public override string ToString() => $"{UserPrincipalName} {StartedAt:u}: {Outcome} {ErrorCode} {Reason}".Trim();
}

/// <summary>One audit event of a reset journey.</summary>
public sealed class SsprResetStep
{
    public DateTimeOffset Time { get; init; }

    /// <summary>activityDisplayName, e.g. "Self-service password reset flow activity progress".</summary>
    public string Activity { get; init; } = "";

    /// <summary>result: success, failure, timeout.</summary>
    public string Result { get; init; } = "";

    /// <summary>resultReason, as logged.</summary>
    public string Reason { get; init; } = "";

    public override string ToString() => $"{Time:u} {Activity}: {Result} {Reason}".Trim();
}

/// <summary>Values of <see cref="SsprResetAttempt.Outcome"/>.</summary>
public static class ResetAttemptOutcome
{
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
    public const string Abandoned = "Abandoned";
    public const string Blocked = "Blocked";
}
