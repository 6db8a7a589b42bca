namespace SsprTools.GraphSimulator.Tenant;

/// <summary>
/// How /auditLogs/directoryAudits behaves where Microsoft documents nothing (docs/simulator.md, "Audit log").
/// Each default is our choice; a scenario's auditLog.settings can change it so a client can be tested against both.
/// </summary>
internal sealed class AuditLogSettings
{
    /// <summary>Page size without $top. Not documented; a 2018 nextLink ending in "_1000" suggests 1,000.</summary>
    public int DefaultPageSize { get; set; } = 1000;

    /// <summary>Largest $top; more is a 400. Not documented; 1,000 for the same reason.</summary>
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>"desc" (newest first, as the portal lists) or "asc": the order without $orderby. Not documented.</summary>
    public string DefaultOrder { get; set; } = "desc";

    /// <summary>Days kept; null = from the tenant's licences (7 on Free, 30 with P1/P2: reference-reports-data-retention.md).</summary>
    public int? RetentionDays { get; set; }

    /// <summary>
    /// A lower time bound before the retention window is a 400 (observed, msgraph-beta-sdk-dotnet#626), not an empty page.
    /// False answers such a query with what is kept.
    /// </summary>
    public bool RejectStartBeforeRetention { get; set; } = true;

    /// <summary>Require Directory.Read.All beside AuditLog.Read.All (the stored permissions include; the live page asks only AuditLog.Read.All).</summary>
    public bool RequireDirectoryReadAll { get; set; }

    /// <summary>Delegated callers need a reading role (rbac-directoryaudit-apis.md): Reports Reader, Security Reader, Security Administrator, …</summary>
    public bool RequireDelegatedRole { get; set; } = true;
}
