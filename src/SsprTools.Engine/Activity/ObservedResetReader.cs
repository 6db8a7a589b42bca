using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SsprTools.Engine.Errors;
using SsprTools.Engine.Facts;
using SsprTools.Engine.Graph;
using SsprTools.Engine.Logging;
using SsprTools.Model;

namespace SsprTools.Engine.Activity;

/// <summary>
/// The audit log as facts for a prediction (Test-SsprAdminReset -IncludeActivity): each user's latest attempt and latest
/// success in the window the tenant keeps. An audit log that cannot be read (no AuditLog.Read.All) leaves these facts
/// unreadable with one warning; the predictions themselves do not depend on it.
/// </summary>
internal sealed class ObservedResetReader
{
    private readonly UserAttemptReader _attempts;
    private readonly GraphReader _reader;
    private string? _unreadable;

    public ObservedResetReader(UserAttemptReader attempts, GraphReader reader)
    {
        _attempts = attempts;
        _reader = reader;
    }

    public async Task<IReadOnlyDictionary<string, Fact<ObservedResets>>> ReadAsync(IReadOnlyCollection<string> userIds, IActivityLog log, CancellationToken cancellationToken)
    {
        var evidence = Evidence.Graph("GET", "/" + GraphClientBuilder.ApiVersion + GraphOperation.ReadDirectoryAudits.Path, _reader.Now);
        if (_unreadable is null)
        {
            try
            {
                var start = _reader.Now - AuditLogReader.LongestRetention;
                var attempts = await _attempts.ReadAsync(userIds, start, log, cancellationToken).ConfigureAwait(false);
                return attempts.ToDictionary(
                    a => a.Key,
                    a => Fact.Read(new ObservedResets(a.Value.FirstOrDefault(), a.Value.FirstOrDefault(x => x.Outcome == ResetAttemptOutcome.Succeeded)), evidence),
                    StringComparer.OrdinalIgnoreCase);
            }
            catch (SsprException e) when (GraphReader.IsReadSpecific(e))
            {
                _unreadable = GraphReader.Reason(e);
                log.Warning($"-IncludeActivity: the audit log could not be read, so no prediction shows an observed attempt: {e.Message}");
            }
        }

        return userIds.Distinct(StringComparer.OrdinalIgnoreCase).ToDictionary(
            id => id, _ => Fact.Unreadable<ObservedResets>(_unreadable!, evidence), StringComparer.OrdinalIgnoreCase);
    }
}
