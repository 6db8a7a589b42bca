namespace SsprTools.Engine.Logging;

/// <summary>What the engine reported, queued for the host to write on its own thread.</summary>
/// <remarks><see cref="Item"/> carries a result for <see cref="ActivityKind.Output"/>: results a streaming run hands out as it goes.</remarks>
public sealed record ActivityEntry(ActivityKind Kind, string Message, ProgressUpdate? Progress = null, object? Item = null);

/// <summary>The <see cref="IActivityLog"/> method an <see cref="ActivityEntry"/> came from.</summary>
public enum ActivityKind
{
    Verbose,
    Debug,
    Warning,
    Progress,
    Output,
}
