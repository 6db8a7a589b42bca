using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace SsprTools.Engine.Completion;

/// <summary>
/// User principal names for tab completion of -UserId, from the connected tenant, for what was typed
/// as the start of a UPN or of a display name (UPN matches first). A console must
/// never hang on Tab: each call waits at most the time it is given, and a lookup Graph has not
/// answered by then goes on in the background so the next Tab finds its answer. Answers are kept
/// for <see cref="Lifetime"/>, and a complete answer for "gr" also answers "gra" without a request.
/// </summary>
public sealed class UserNameCompleter
{
    /// <summary>Users asked for per prefix: a screenful of choices, not a directory listing.</summary>
    public const int PageSize = 25;

    /// <summary>How long an answer is reused; new hires appear after this at the latest.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    // A lookup left running in the background is abandoned after this, even under throttling.
    private static readonly TimeSpan LookupLimit = TimeSpan.FromSeconds(30);

    private readonly Func<string, CancellationToken, Task<UserNameAnswer>> _fetch;
    private readonly Func<DateTimeOffset> _clock;
    private readonly ConcurrentDictionary<string, Lookup> _lookups = new(StringComparer.OrdinalIgnoreCase);

    internal UserNameCompleter(Func<string, CancellationToken, Task<UserNameAnswer>> fetch, Func<DateTimeOffset>? clock = null)
    {
        _fetch = fetch;
        _clock = clock ?? (() => DateTimeOffset.UtcNow);
    }

    /// <summary>Users whose UPN or display name starts with <paramref name="prefix"/> (case-insensitive), waiting at most <paramref name="wait"/>
    /// for Graph; never throws for a Graph failure (a completer has nowhere to report it).</summary>
    public IReadOnlyList<UserNameSuggestion> Complete(string? prefix, TimeSpan wait)
    {
        var typed = (prefix ?? string.Empty).Trim();
        if (Guid.TryParse(typed, out _))
        {
            return Array.Empty<UserNameSuggestion>();
        }

        if (CompleteAnswerCovering(typed) is { } known)
        {
            return Matching(known.Users, typed);
        }

        var lookup = _lookups.AddOrUpdate(typed, Start, (key, existing) => existing.IsUsable(_clock()) ? existing : Start(key));
        try
        {
            if (lookup.Task.Wait(wait))
            {
                return Matching(lookup.Task.Result.Users, typed);
            }
        }
        catch (AggregateException)
        {
            // No permission, throttled past the limit, offline: offer nothing now and ask again next time.
            ((ICollection<KeyValuePair<string, Lookup>>)_lookups).Remove(new KeyValuePair<string, Lookup>(typed, lookup));
            return Array.Empty<UserNameSuggestion>();
        }

        return PartialAnswerCovering(typed);
    }

    private Lookup Start(string prefix)
    {
        var limit = new CancellationTokenSource(LookupLimit);
        var task = Task.Run(() => _fetch(prefix, limit.Token));
        task.ContinueWith(_ => limit.Dispose(), TaskScheduler.Default);
        return new Lookup(task, _clock());
    }

    private UserNameAnswer? CompleteAnswerCovering(string prefix) =>
        Answered(prefix).Where(answer => answer.IsComplete).FirstOrDefault();

    // While Graph is slow: what a shorter prefix already returned, even if it was not every match.
    private IReadOnlyList<UserNameSuggestion> PartialAnswerCovering(string prefix) =>
        Answered(prefix).Select(answer => Matching(answer.Users, prefix)).FirstOrDefault() ?? Array.Empty<UserNameSuggestion>();

    /// <summary>Fresh answers for prefixes of <paramref name="prefix"/>, longest (most specific) first.</summary>
    private IEnumerable<UserNameAnswer> Answered(string prefix)
    {
        var now = _clock();
        return _lookups
            .Where(entry => prefix.StartsWith(entry.Key, StringComparison.OrdinalIgnoreCase) && entry.Value.IsAnswered(now))
            .OrderByDescending(entry => entry.Key.Length)
            .Select(entry => entry.Value.Task.Result);
    }

    // What was typed is most often the start of the UPN itself, so those come first.
    private static IReadOnlyList<UserNameSuggestion> Matching(IEnumerable<UserNameSuggestion> users, string prefix) =>
        users.Where(user => StartsWith(user.UserPrincipalName, prefix) || StartsWith(user.DisplayName, prefix))
            .OrderBy(user => StartsWith(user.UserPrincipalName, prefix) ? 0 : 1)
            .ThenBy(user => user.UserPrincipalName, StringComparer.OrdinalIgnoreCase)
            .ToList();

    private static bool StartsWith(string? value, string prefix) =>
        value is not null && value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

    private sealed class Lookup
    {
        public Lookup(Task<UserNameAnswer> task, DateTimeOffset startedAt)
        {
            Task = task;
            StartedAt = startedAt;
        }

        public Task<UserNameAnswer> Task { get; }

        public DateTimeOffset StartedAt { get; }

        public bool IsAnswered(DateTimeOffset now) => Task.Status == TaskStatus.RanToCompletion && IsFresh(now);

        // Still running, or answered recently; a failed lookup is asked again.
        public bool IsUsable(DateTimeOffset now) => !Task.IsFaulted && !Task.IsCanceled && IsFresh(now);

        private bool IsFresh(DateTimeOffset now) => now - StartedAt < Lifetime;
    }
}
