using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SsprTools.Engine.Logging;
using SsprTools.Model;

namespace SsprTools.Engine.Activity;

/// <summary>
/// Reads the attempts of given users (object ids). The reports service allows five requests per 10 seconds per app and
/// tenant (graph-docs concepts/throttling-limits.md, "Identity and access reports service limits"): up to
/// <see cref="PerUserReads"/> users are read with a filter each; more than that with one read of every SSPR event of the
/// window, kept for the rest of the run so the next users of a pipeline cost nothing.
/// </summary>
internal sealed class UserAttemptReader
{
    /// <summary>The most users read one filter each; beyond it one read of the whole window costs less.</summary>
    public const int PerUserReads = 5;

    private readonly AuditLogReader _audit;
    private Dictionary<string, List<SsprResetAttempt>>? _window;
    private DateTimeOffset _windowStart;

    public UserAttemptReader(AuditLogReader audit) => _audit = audit;

    /// <summary>Every attempt of each user since <paramref name="start"/>, newest first; users without attempts map to an empty list.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<SsprResetAttempt>>> ReadAsync(
        IReadOnlyCollection<string> userIds, DateTimeOffset start, IActivityLog log, CancellationToken cancellationToken)
    {
        var ids = userIds.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var found = ids.ToDictionary(id => id, _ => new List<SsprResetAttempt>(), StringComparer.OrdinalIgnoreCase);
        if (_window is not null && _windowStart <= start)
        {
            Fill(found, _window, start);
        }
        else if (ids.Count > PerUserReads)
        {
            log.Verbose($"{ids.Count} users: one read of every self-service reset event since {start.UtcDateTime:yyyy-MM-dd HH:mm}Z instead of one filtered read each.");
            var window = new Dictionary<string, List<SsprResetAttempt>>(StringComparer.OrdinalIgnoreCase);
            var assembler = new JourneyAssembler();
            void Keep(IReadOnlyList<SsprResetAttempt> attempts)
            {
                foreach (var attempt in attempts)
                {
                    if (!window.TryGetValue(attempt.UserId, out var list))
                    {
                        window[attempt.UserId] = list = new List<SsprResetAttempt>();
                    }

                    list.Add(attempt);
                }
            }

            start = await _audit.ReadAsync(start, null, e => Keep(assembler.Add(e)), log, cancellationToken).ConfigureAwait(false);
            Keep(assembler.Complete());
            (_window, _windowStart) = (window, start);
            Fill(found, window, start);
        }
        else
        {
            foreach (var id in ids)
            {
                var assembler = new JourneyAssembler();
                await _audit.ReadAsync(start, id, e => found[id].AddRange(assembler.Add(e)), log, cancellationToken).ConfigureAwait(false);
                found[id].AddRange(assembler.Complete());
            }
        }

        return found.ToDictionary(
            f => f.Key,
            f => (IReadOnlyList<SsprResetAttempt>)f.Value.Where(a => string.Equals(a.UserId, f.Key, StringComparison.OrdinalIgnoreCase)).OrderByDescending(a => a.StartedAt).ToList(),
            StringComparer.OrdinalIgnoreCase);
    }

    private static void Fill(Dictionary<string, List<SsprResetAttempt>> found, Dictionary<string, List<SsprResetAttempt>> window, DateTimeOffset start)
    {
        foreach (var pair in found)
        {
            if (window.TryGetValue(pair.Key, out var attempts))
            {
                pair.Value.AddRange(attempts.Where(a => a.EndedAt >= start));
            }
        }
    }
}
