namespace SsprTools.Engine.Logging;

/// <summary>
/// Where the engine tells what it is doing. The cmdlet layer turns these into Verbose, Debug,
/// Warning and Progress records on the pipeline thread. Implementations must be thread-safe:
/// Graph calls report from whatever thread completes them. Never pass a token or secret here.
/// </summary>
public interface IActivityLog
{
    void Verbose(string message);

    void Debug(string message);

    void Warning(string message);

    void Progress(ProgressUpdate update);
}
