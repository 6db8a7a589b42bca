using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using SsprTools.Engine.Catalogs;
using SsprTools.Engine.Errors;
using SsprTools.Engine.Graph;
using SsprTools.Engine.Logging;

namespace SsprTools.Engine.Activity;

/// <summary>
/// Reads SSPR events from GET /v1.0/auditLogs/directoryAudits with the filters directoryaudit-list.md documents:
/// loggedByService eq, activityDateTime ge (an unquoted DateTimeOffset), and for one user
/// targetResources/any(t: t/id eq '…') (the user is the target of every SSPR step; sspr-audit.md §7). Newest first
/// ($orderby activityDateTime desc; the default order is not documented), one page at a time, so a caller can stream.
/// </summary>
internal sealed class AuditLogReader
{
    /// <summary>The page size is not documented; a 2018 nextLink suggests 1,000 (sspr-audit.md §6.3).</summary>
    public const int PageSize = 1000;

    /// <summary>Audit logs are kept 30 days with Entra ID P1/P2, 7 on Free (reference-reports-data-retention.md).</summary>
    public static readonly TimeSpan LongestRetention = TimeSpan.FromDays(30);

    private static readonly Regex MinimumTime = new(@"Minimum allowed time for activityDateTime is ([^)']+)", RegexOptions.CultureInvariant);

    private readonly GraphServiceClient _client;
    private readonly GraphReader _reader;
    private bool _topRefused;

    public AuditLogReader(GraphServiceClient client, GraphReader reader)
    {
        _client = client;
        _reader = reader;
    }

    /// <summary>The $filter of one read: SSPR events since <paramref name="since"/>, of one user when given.</summary>
    public static string Filter(DateTimeOffset since, string? targetUserId)
    {
        var filter = $"loggedByService eq '{AuditActivityCatalog.SelfServicePasswordManagement}' and activityDateTime ge " +
            since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return targetUserId is null ? filter : filter + $" and targetResources/any(t: t/id eq '{targetUserId.Replace("'", "''")}')";
    }

    /// <summary>Hands every event, newest first, to <paramref name="onEvent"/>. Returns the start time actually read from:
    /// <paramref name="since"/>, or the tenant's retention limit when Graph refuses an earlier bound.</summary>
    public async Task<DateTimeOffset> ReadAsync(DateTimeOffset since, string? targetUserId, Action<AuditEvent> onEvent, IActivityLog log, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await ReadPagesAsync(Filter(since, targetUserId), onEvent, log, cancellationToken).ConfigureAwait(false);
                return since;
            }
            catch (SsprException e) when (attempt == 0 && e.GraphStatus == 400 && RetentionLimit(e.Message) is { } limit && limit > since)
            {
                // Observed (sspr-audit.md §6.4): a lower bound older than the tenant keeps is a 400 naming the earliest time allowed.
                log.Verbose($"The audit log starts at {limit:u} for this tenant; reading from there.");
                since = limit;
            }
            catch (SsprException e) when (!_topRefused && e.GraphStatus == 400 && e.Kind != SsprErrorKind.LicenseRequired && RetentionLimit(e.Message) is null)
            {
                _topRefused = true;
                log.Verbose("The audit log refused $top; reading it with the default page size.");
            }
        }
    }

    private async Task ReadPagesAsync(string filter, Action<AuditEvent> onEvent, IActivityLog log, CancellationToken cancellationToken)
    {
        var operation = GraphOperation.ReadDirectoryAudits;
        log.Verbose($"GET /v1.0/auditLogs/directoryAudits?$filter={filter}&$orderby=activityDateTime desc" + (_topRefused ? "" : $"&$top={PageSize}"));
        var page = await _reader.GetAsync(operation, () => _client.AuditLogs.DirectoryAudits.GetAsync(r =>
        {
            r.QueryParameters.Filter = filter;
            r.QueryParameters.Orderby = new[] { "activityDateTime desc" };
            r.QueryParameters.Top = _topRefused ? null : PageSize;
        }, cancellationToken)).ConfigureAwait(false);
        for (var number = 1; page is not null; number++)
        {
            foreach (var audit in page.Value ?? new List<DirectoryAudit>())
            {
                if (ToEvent(audit) is { } e)
                {
                    onEvent(e);
                }
            }

            var link = page.OdataNextLink;
            log.Progress(new ProgressUpdate("Reading the audit log", $"page {number}"));
            page = string.IsNullOrEmpty(link)
                ? null
                : await _reader.GetAsync(operation, () => _client.AuditLogs.DirectoryAudits.WithUrl(link!).GetAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>The parts a journey needs; events without a time or correlationId can't be placed in one.</summary>
    internal static AuditEvent? ToEvent(DirectoryAudit audit)
    {
        if (audit.ActivityDateTime is not { } time || string.IsNullOrEmpty(audit.CorrelationId))
        {
            return null;
        }

        // The target of an SSPR step is the user (type User); doc examples spell the key "Type" too, so compare loosely.
        var target = audit.TargetResources?.FirstOrDefault(t => string.Equals(t.Type, "User", StringComparison.OrdinalIgnoreCase))
            ?? audit.TargetResources?.FirstOrDefault();
        var initiator = audit.InitiatedBy?.User;
        return new AuditEvent(
            audit.Id ?? "",
            time,
            audit.LoggedByService ?? "",
            audit.ActivityDisplayName ?? "",
            audit.CorrelationId!,
            ResultText(audit.Result),
            audit.ResultReason ?? "",
            target?.Id,
            target?.UserPrincipalName,
            initiator?.Id,
            initiator?.UserPrincipalName);
    }

    private static string ResultText(OperationResult? result) => result switch
    {
        OperationResult.Success => "success",
        OperationResult.Failure => "failure",
        OperationResult.Timeout => "timeout",
        null => "",
        _ => result.ToString()!.ToLowerInvariant(),
    };

    internal static DateTimeOffset? RetentionLimit(string message)
    {
        var match = MinimumTime.Match(message ?? "");
        return match.Success && DateTimeOffset.TryParse(match.Groups[1].Value.Trim(), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var limit)
            ? limit
            : null;
    }
}
