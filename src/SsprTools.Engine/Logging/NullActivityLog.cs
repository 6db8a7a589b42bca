namespace SsprTools.Engine.Logging;

/// <summary>An activity log that drops everything; for callers that do not listen.</summary>
public sealed class NullActivityLog : IActivityLog
{
    public static readonly NullActivityLog Instance = new();

    private NullActivityLog()
    {
    }

    public void Verbose(string message)
    {
    }

    public void Debug(string message)
    {
    }

    public void Warning(string message)
    {
    }

    public void Progress(ProgressUpdate update)
    {
    }
}
