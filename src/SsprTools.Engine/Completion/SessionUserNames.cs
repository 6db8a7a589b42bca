using System.Runtime.CompilerServices;
using SsprTools.Engine.Connection;

namespace SsprTools.Engine.Completion;

/// <summary>One <see cref="UserNameCompleter"/> per connection, so answers are cached for that connection only and go with it.</summary>
public static class SessionUserNames
{
    private static readonly ConditionalWeakTable<SsprSession, UserNameCompleter> Completers = new();

    public static UserNameCompleter For(SsprSession session) =>
        Completers.GetValue(session, s => new UserNameCompleter(
            (prefix, cancel) => GraphUserNames.FetchAsync(s.Graph.Client, prefix, cancel),
            () => s.Graph.Clock.GetUtcNow()));
}
