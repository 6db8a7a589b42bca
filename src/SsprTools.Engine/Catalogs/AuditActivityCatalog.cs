using System;

namespace SsprTools.Engine.Catalogs;

/// <summary>Names the Entra audit log gives self-service password reset activity. Sources: entra-docs
/// howto-sspr-reporting.md and monitoring-health/reference-audit-activities.md ("Self-service password management");
/// the 2018 activity list (azure-docs active-directory-reporting-activity-audit-logs.md) for the older spelling.</summary>
internal static class AuditActivityCatalog
{
    /// <summary>loggedByService of every SSPR event (graph-docs resources/directoryaudit.md lists it as an example value).</summary>
    public const string SelfServicePasswordManagement = "Self-service Password Management";

    /// <summary>One event per step of a reset.</summary>
    public const string FlowProgress = "Self-service password reset flow activity progress";

    /// <summary>The same activity under its 2018 name.</summary>
    public const string FlowProgressLegacy = "Self-serve password reset flow activity progress";

    /// <summary>The reset itself: success when the user reset their own password.</summary>
    public const string ResetSelfService = "Reset password (self-service)";

    /// <summary>Logged with result success when the user was throttled for 24 hours.</summary>
    public const string Blocked = "Blocked from self-service password reset";

    /// <summary>A correlationId is a self-service reset journey only if it holds one of these (sspr-audit.md §7): admin
    /// resets, registrations, password changes, unlocks and writeback switches are other activities.</summary>
    public static bool IsResetJourneyActivity(string activity) =>
        Is(activity, FlowProgress) || Is(activity, FlowProgressLegacy) || Is(activity, ResetSelfService) || Is(activity, Blocked);

    public static bool Is(string activity, string name) => string.Equals(activity?.Trim(), name, StringComparison.OrdinalIgnoreCase);
}
