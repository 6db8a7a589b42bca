namespace SsprTools.Engine.Logging;

/// <summary>A phase of a long run and how far it has got. PercentComplete -1 means unknown.</summary>
public sealed record ProgressUpdate(string Activity, string Status, int PercentComplete = -1, bool Completed = false);
