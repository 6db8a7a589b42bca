using SsprTools.Engine.Errors;

namespace SsprTools.Engine.Connection;

/// <summary>
/// The process-wide connection, as Microsoft Graph PowerShell (Connect-MgGraph) and Az (process-scoped context by default)
/// keep one: Connect-SsprGraph in any runspace sets it, every runspace of the process uses it (ForEach-Object -Parallel,
/// thread jobs, hosted runspaces), Disconnect-SsprGraph clears it. A command leases the session when it starts and keeps
/// using that one session until it ends: reconnecting or disconnecting meanwhile retires the old session, which is
/// disposed when the last command using it ends (<see cref="LeaseSlot{T}"/>).
/// </summary>
public static class CurrentSession
{
    private static readonly LeaseSlot<SsprSession> Slot = new();

    /// <summary>Replaced or disconnected sessions that running commands still use; they close when those commands end.</summary>
    public static int RetiredStillOpen => Slot.RetiredStillOpen;

    /// <summary>The current session without a lease: read only its <see cref="SsprSession.Connection"/>, never call Graph on it.</summary>
    public static SsprSession? Peek() => Slot.Peek();

    /// <summary>A lease on the current session, for a command that calls Graph; dispose it when the command ends.</summary>
    public static LeasedResource<SsprSession>.Lease Acquire() =>
        TryAcquire() ?? throw new SsprException(SsprErrorKind.NotConnected, "NotConnected",
            "Not connected to Microsoft Graph.")
        {
            RecommendedAction = "Run Connect-SsprGraph first (for example Connect-SsprGraph -Identity in a runbook, or Connect-SsprGraph -AccessToken $token).",
        };

    /// <summary>A lease on the current session, or null when not connected.</summary>
    public static LeasedResource<SsprSession>.Lease? TryAcquire() => Slot.TryAcquire();

    /// <summary>Makes <paramref name="session"/> current; returns how many running commands still use the replaced one.</summary>
    public static int Replace(SsprSession session) => Slot.Replace(session);

    /// <summary>Forgets the connection; returns false when there was none. <paramref name="stillInUse"/>: running commands still using it.</summary>
    public static bool Clear(out int stillInUse) => Slot.Clear(out stillInUse);
}
