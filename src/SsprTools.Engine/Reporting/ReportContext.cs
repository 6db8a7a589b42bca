using System;
using SsprTools.Model;

namespace SsprTools.Engine.Reporting;

/// <summary>Everything a report says besides the predictions: its title, when and how it was made, the connection and
/// the tenant's "SSPR for administrators" switch.</summary>
public sealed class ReportContext
{
    public const string DefaultTitle = "Self-service password reset report";

    public string Title { get; init; } = DefaultTitle;

    public DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The SsprTools version that wrote the report.</summary>
    public string ModuleVersion { get; init; } = "";

    /// <summary>How the predictions were made, e.g. "Test-SsprAdminReset -AllAdmins" or "37 predictions from the pipeline".</summary>
    public string Source { get; init; } = "";

    /// <summary>The Graph connection at report time; null when not connected (predictions read back from a file).</summary>
    public ReportConnection? Connection { get; init; }

    /// <summary>The switch as read at report time; null when it was not read.</summary>
    public AdminPolicy? AdminPolicy { get; init; }

    /// <summary>Why <see cref="AdminPolicy"/> is null, e.g. "not connected".</summary>
    public string? AdminPolicyNote { get; init; }
}
