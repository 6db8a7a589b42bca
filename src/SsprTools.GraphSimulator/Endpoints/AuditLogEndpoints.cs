using System.Globalization;
using SsprTools.GraphSimulator.Auth;
using SsprTools.GraphSimulator.OData;
using SsprTools.GraphSimulator.Pipeline;
using SsprTools.GraphSimulator.Representations;
using SsprTools.GraphSimulator.Tenant;

namespace SsprTools.GraphSimulator.Endpoints;

/// <summary>
/// /auditLogs/directoryAudits (directoryaudit-list.md, directoryaudit-get.md): records kept by the tenant's retention
/// (7 days Free, 30 days P1/P2), the documented $filter surface, $top, $orderby activityDateTime and $skiptoken paging.
/// Where Microsoft is silent the tenant's AuditLogSettings decide (docs/simulator.md, "Audit log").
/// </summary>
internal static class AuditLogEndpoints
{
    private const string Set = "auditLogs/directoryAudits";

    // rbac-directoryaudit-apis.md lists Reports Reader, Security Reader and Security Administrator as least privileged;
    // Global Reader and Global Administrator read everything those can.
    private static readonly string[] ReadingRoles =
        ["Reports Reader", "Security Reader", "Security Administrator", "Global Reader", "Global Administrator"];

    public static void Map(Router router)
    {
        router.Add("GET", Set, DirectoryAccess.AuditLogs, List);
        router.Add("GET", Set + "/{id}", DirectoryAccess.AuditLogs, Get);
    }

    private static GraphResponse List(GraphCall call)
    {
        var log = call.Tenant.AuditLog;
        CheckCaller(call, log.Settings);
        var now = call.Runtime.Clock.GetUtcNow();
        if (call.Query.Filter is { } text)
        {
            var filter = FilterParser.Parse(text);
            AuditFilterRules.Validate(filter);
            CheckRetention(call.Tenant, log, filter, now);
        }
        var spec = new CollectionSpec(Set, "directoryAudit")
        {
            DefaultPageSize = log.Settings.DefaultPageSize,
            MaxPageSize = log.Settings.MaxPageSize,
            Count = CountRule.NotSupported, // $count is not among the documented query options
            OrderBy = ["activityDateTime"],
            Filter = AuditFilterRules.Permissive,
        };
        return ODataCollection.Respond(call, spec, log.Kept(call.Tenant, now), DirectoryAuditJson.Full);
    }

    private static GraphResponse Get(GraphCall call)
    {
        CheckCaller(call, call.Tenant.AuditLog.Settings);
        var record = call.Tenant.AuditLog.Find(call.Tenant, call["id"], call.Runtime.Clock.GetUtcNow()) ?? throw GraphError.NotFound(call["id"]);
        return GraphResponse.Ok(Representation.Entity(call, DirectoryAuditJson.Full(record), Set, "directoryAudit"));
    }

    private static void CheckCaller(GraphCall call, AuditLogSettings settings)
    {
        if (settings.RequireDirectoryReadAll && !call.Caller.Permissions.Contains(Permissions.DirectoryReadAll))
            throw GraphError.AuditPermissionMissing(Permissions.DirectoryReadAll);
        if (call.Caller.IsAppOnly || !settings.RequireDelegatedRole)
            return;
        var roles = call.Tenant.Directory.TransitiveRoles(call.Caller.ObjectId).Select(r => r.DisplayName);
        // howto-analyze-activity-logs-with-microsoft-graph.md: "User isn't in the allowed roles"; the code is not documented.
        if (!roles.Intersect(ReadingRoles, StringComparer.OrdinalIgnoreCase).Any())
            throw new GraphError(403, "Authorization_RequestDenied", "User isn't in the allowed roles.");
    }

    // Observed (msgraph-beta-sdk-dotnet#626): a lower bound before the kept window is a 400, and clients read the date from the message.
    private static void CheckRetention(TenantState tenant, AuditLog log, FilterNode filter, DateTimeOffset now)
    {
        if (!log.Settings.RejectStartBeforeRetention)
            return;
        var minimum = log.MinimumQueryTime(tenant, now);
        if (AuditFilterRules.LowerBounds(filter).Any(bound => bound < minimum))
            throw new GraphError(400, "UnknownError", "Specified argument was out of the range of valid values. (Parameter 'Minimum allowed time for activityDateTime is "
                + minimum.UtcDateTime.ToString("M/d/yyyy h:mm:ss tt", CultureInfo.InvariantCulture) + "')");
    }
}
