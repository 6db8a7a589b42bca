using SsprTools.Engine.Errors;

namespace SsprTools.Engine.Connection;

/// <summary>
/// The process-wide connection, as Microsoft Graph PowerShell keeps one: Connect-SsprGraph sets it,
/// every other cmdlet uses it, Disconnect-SsprGraph clears it.
/// </summary>
public static class CurrentSession
{
    private static readonly object Gate = new();
    private static SsprSession? _session;

    public static SsprSession? Peek()
    {
        lock (Gate)
        {
            return _session;
        }
    }

    public static SsprSession Require() =>
        Peek() ?? throw new SsprException(SsprErrorKind.NotConnected, "NotConnected",
            "Not connected to Microsoft Graph.")
        {
            RecommendedAction = "Run Connect-SsprGraph first (for example Connect-SsprGraph -Identity in a runbook, or Connect-SsprGraph -AccessToken $token).",
        };

    public static void Replace(SsprSession session)
    {
        SsprSession? previous;
        lock (Gate)
        {
            previous = _session;
            _session = session;
        }

        previous?.Dispose();
    }

    /// <summary>Forgets the connection; returns false when there was none.</summary>
    public static bool Clear()
    {
        SsprSession? previous;
        lock (Gate)
        {
            previous = _session;
            _session = null;
        }

        previous?.Dispose();
        return previous is not null;
    }
}
