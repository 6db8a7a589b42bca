using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SsprTools.Engine.Connection;
using SsprTools.Engine.Activity;
using SsprTools.Engine.Errors;
using SsprTools.Engine.Graph;
using SsprTools.Engine.Logging;
using SsprTools.Model;

namespace SsprTools.Engine.Diagnosis;

/// <summary>The outcome of reading one named user's attempts: the attempts, newest first, or why the user could not be read.</summary>
public sealed record ResetActivityResult(UserReference Reference, IReadOnlyList<SsprResetAttempt> Attempts, SsprException? Error);

/// <summary>
/// Reads self-service reset attempts from the audit log, for named users (<see cref="UserAttemptReader"/>) or for everyone.
/// </summary>
public sealed class ResetActivityRun
{
    private readonly UserDirectory _directory;
    private readonly AuditLogReader _audit;
    private readonly UserAttemptReader _users;
    private readonly TimeProvider _clock;

    /// <summary>Starts a read of the connected tenant's audit log.</summary>
    public static ResetActivityRun Start(SsprSession session) => new((session ?? throw new ArgumentNullException(nameof(session))).Graph);

    internal ResetActivityRun(GraphAccess graph)
    {
        var reader = new GraphReader(graph.ServiceRoot, graph.Clock);
        var batch = new GraphBatch(graph.Client, graph.Retry, graph.Clock);
        _directory = new UserDirectory(graph, reader, batch, new ReadPlanner(graph, reader));
        _audit = new AuditLogReader(graph.Client, reader);
        _users = new UserAttemptReader(_audit);
        _clock = graph.Clock;
    }

    /// <summary>Where a read starts: <paramref name="since"/>, no earlier than the longest retention any tenant has.</summary>
    public DateTimeOffset StartOf(DateTimeOffset? since, IActivityLog log)
    {
        var earliest = _clock.GetUtcNow() - AuditLogReader.LongestRetention;
        if (since is { } asked && asked >= earliest)
        {
            return asked;
        }

        if (since is not null)
        {
            log.Warning($"The audit log keeps at most {AuditLogReader.LongestRetention.TotalDays:0} days (7 on Entra ID Free); reading from {earliest.UtcDateTime:yyyy-MM-dd HH:mm}Z.");
        }

        return earliest;
    }

    /// <summary>Every attempt since <paramref name="since"/>, handed to <paramref name="emit"/> newest first as each completes.</summary>
    public async Task ReadAllAsync(DateTimeOffset? since, Action<SsprResetAttempt> emit, IActivityLog log, CancellationToken cancellationToken)
    {
        var assembler = new JourneyAssembler();
        await _audit.ReadAsync(StartOf(since, log), null, e => Emit(assembler.Add(e), emit), log, cancellationToken).ConfigureAwait(false);
        Emit(assembler.Complete(), emit);
    }

    public async Task<IReadOnlyList<ResetActivityResult>> ReadUsersAsync(IReadOnlyList<UserReference> references, DateTimeOffset? since, IActivityLog log, CancellationToken cancellationToken)
    {
        var start = StartOf(since, log);
        var resolved = await _directory.ResolveAsync(references, log, cancellationToken).ConfigureAwait(false);
        var ids = resolved.Values.Where(r => r.User is not null).Select(r => r.User!.Id).ToList();
        var attempts = await _users.ReadAsync(ids, start, log, cancellationToken).ConfigureAwait(false);
        return references.Distinct().Select(reference =>
        {
            var (user, error) = resolved[reference];
            return user is null
                ? new ResetActivityResult(reference, Array.Empty<SsprResetAttempt>(), error)
                : new ResetActivityResult(reference, attempts[user.Id], null);
        }).ToList();
    }

    private static void Emit(IReadOnlyList<SsprResetAttempt> attempts, Action<SsprResetAttempt> emit)
    {
        foreach (var attempt in attempts)
        {
            emit(attempt);
        }
    }
}
