namespace SsprTools.Engine.Logging;

/// <summary>What the engine reported, queued for the host to write on its own thread.</summary>
public sealed record ActivityEntry(ActivityKind Kind, string Message, ProgressUpdate? Progress = null);

/// <summary>The <see cref="IActivityLog"/> method an <see cref="ActivityEntry"/> came from.</summary>
public enum ActivityKind
{
    Verbose,
    Debug,
    Warning,
    Progress,
}
