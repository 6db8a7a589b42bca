using System;

namespace SsprTools.Model;

/// <summary>Whether a user's own self-service password reset will work, which SSPR error they would see, and why.</summary>
public sealed class ResetPrediction
{
    public string UserId { get; init; } = "";
    public string UserPrincipalName { get; init; } = "";
    public string DisplayName { get; init; } = "";

    /// <summary>Holds an active role on the administrator reset policy list; null when that could not be decided.</summary>
    public bool? IsAdmin { get; init; }

    /// <summary>Names of the active roles on the administrator reset policy list.</summary>
    public string[] AdminRoles { get; init; } = Array.Empty<string>();

    /// <summary>Names of roles on the list the user is only PIM-eligible for.</summary>
    public string[] EligibleAdminRoles { get; init; } = Array.Empty<string>();

    /// <summary>onPremisesSyncEnabled is true; null when it could not be read.</summary>
    public bool? IsSynced { get; init; }

    /// <summary><see cref="PredictionOutcome.Succeeds"/>, <see cref="PredictionOutcome.Fails"/> or <see cref="PredictionOutcome.Unknown"/>.</summary>
    public string Outcome { get; init; } = PredictionOutcome.Unknown;

    /// <summary>The SSPR error the portal would show first ("SSPR_0009", …); null unless Outcome is Fails.</summary>
    public string? PredictedError { get; init; }

    /// <summary>Other SSPR errors the portal could show instead of <see cref="PredictedError"/>, in portal order: the
    /// documentation does not settle the code, or an earlier check that could not be decided would fail with them.
    /// Empty when the code is certain.</summary>
    public string[] AlternativeErrors { get; init; } = Array.Empty<string>();

    /// <summary>One-line summary for a table view.</summary>
    public string Reason { get; init; } = "";

    public Finding[] Findings { get; init; } = Array.Empty<Finding>();

    /// <summary>The latest self-service reset attempt the audit log shows (Test-SsprAdminReset -IncludeActivity); null when
    /// there was none in the window or activity was not read.</summary>
    public SsprResetAttempt? LastAttempt { get; init; }

    public override string ToString() => $"{UserPrincipalName}: {Outcome} {PredictedError} {Reason}".Trim();
}

/// <summary>Values of <see cref="ResetPrediction.Outcome"/>.</summary>
public static class PredictionOutcome
{
    public const string Succeeds = "Succeeds";
    public const string Fails = "Fails";
    public const string Unknown = "Unknown";
}
