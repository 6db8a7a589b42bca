namespace SsprTools.GraphSimulator.Tenant;

/// <summary>A scenario file that cannot be loaded; the message says what is wrong.</summary>
public sealed class ScenarioException(string message) : Exception(message);
