using SsprTools.Engine.Activity;
using SsprTools.Engine.Catalogs;

namespace SsprTools.Engine.Tests.Activity;

/// <summary>Builds audit events shaped like the SSPR steps of sspr-audit.md §3 for one user.</summary>
internal static class AuditEvents
{
    public static readonly DateTimeOffset Start = new(2026, 12, 2, 17, 46, 0, TimeSpan.Zero);

    public static AuditEvent Step(string correlation, int minute, string reason, string result = "success",
        string activity = AuditActivityCatalog.FlowProgress, string service = AuditActivityCatalog.SelfServicePasswordManagement,
        string userId = "u1", string upn = "dave@contoso.com", DateTimeOffset? start = null) =>
        new($"SSPR_{correlation}_{minute}_{reason.GetHashCode():x}", (start ?? Start).AddMinutes(minute), service, activity, correlation,
            result, reason, userId, upn, userId, upn);

    public static AuditEvent Reset(string correlation, int minute, string result = "success", string reason = "Successfully completed reset.") =>
        Step(correlation, minute, reason, result, AuditActivityCatalog.ResetSelfService);
}
