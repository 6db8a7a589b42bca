using System;
using SsprTools.Engine.Errors;
using SsprTools.Model;

namespace SsprTools.Engine.Reporting;

/// <summary>Which value of the tenant's "SSPR for administrators" switch a report shows, or why it shows none.</summary>
public sealed class ReportAdminPolicy
{
    private ReportAdminPolicy(AdminPolicy? policy, string? note, string? warning)
    {
        Policy = policy;
        Note = note;
        Warning = warning;
    }

    /// <summary>The switch to show; null when it was not read.</summary>
    public AdminPolicy? Policy { get; }

    /// <summary>Why <see cref="Policy"/> is null (<see cref="ReportContext.AdminPolicyNote"/>).</summary>
    public string? Note { get; }

    /// <summary>Set when reading the switch failed: the caller should warn, since the report lacks something it would
    /// otherwise show. Not connected is no surprise and gives no warning.</summary>
    public string? Warning { get; }

    /// <summary>
    /// The switch as a diagnosis run already read it (-AllAdmins), so the report matches the predictions beside it;
    /// otherwise read now through <paramref name="readNow"/> (null when not connected, as for predictions read back from a
    /// file). A Graph error reading it (not allowed, throttled) becomes the note; cancelling still stops the report.
    /// </summary>
    public static ReportAdminPolicy Choose(AdminPolicy? readByRun, Func<AdminPolicy>? readNow)
    {
        if (readByRun is not null)
        {
            return new ReportAdminPolicy(readByRun, null, null);
        }

        if (readNow is null)
        {
            return new ReportAdminPolicy(null, "not connected", null);
        }

        try
        {
            return new ReportAdminPolicy(readNow(), null, null);
        }
        catch (SsprException e) when (e.Kind != SsprErrorKind.Cancelled)
        {
            return new ReportAdminPolicy(null, e.Message, $"The report does not show the SSPR-for-administrators switch: {e.Message}");
        }
    }
}
