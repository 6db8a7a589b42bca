using SsprTools.Model;

namespace SsprTools.Engine.Facts;

/// <summary>A user's self-service reset attempts in the audit log's window: the latest, and the latest that succeeded.</summary>
public sealed record ObservedResets(SsprResetAttempt? Latest, SsprResetAttempt? LatestSuccess)
{
    public static ObservedResets None { get; } = new(null, null);
}
