namespace SsprTools.Model;

/// <summary>One observation behind a prediction: what was found, the Graph fact it rests on, and what to do.</summary>
public sealed class Finding
{
    /// <summary>Stable PascalCase name, e.g. "AdminSsprDisabled" (see <c>FindingCode</c>).</summary>
    public string Code { get; init; } = "";

    /// <summary><see cref="FindingSeverity.Error"/>, <see cref="FindingSeverity.Warning"/> or <see cref="FindingSeverity.Information"/>.</summary>
    public string Severity { get; init; } = FindingSeverity.Information;

    public string Message { get; init; } = "";

    /// <summary>The fact(s) and where/when they were read, e.g.
    /// "allowedToUseSSPR = false; GET /v1.0/policies/authorizationPolicy at 2026-11-25T10:00:00Z".</summary>
    public string Evidence { get; init; } = "";

    /// <summary>The command or portal step that fixes it; null when nothing needs doing.</summary>
    public string? Remediation { get; init; }

    /// <summary>The SSPR error the condition makes the portal show, e.g. "SSPR_0009"; set on Error findings and on
    /// warnings that qualify one ("If the administrator policy applies: …"); null otherwise.</summary>
    public string? ErrorCode { get; init; }

    public override string ToString() => $"{Severity} {Code}: {Message}";
}

/// <summary>Values of <see cref="Finding.Severity"/>.</summary>
public static class FindingSeverity
{
    public const string Error = "Error";
    public const string Warning = "Warning";
    public const string Information = "Information";
}
