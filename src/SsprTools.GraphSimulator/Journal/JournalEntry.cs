using System.Text.Json.Nodes;

namespace SsprTools.GraphSimulator;

/// <summary>One Graph request as the simulator saw it (a $batch step is its own entry).</summary>
public sealed record JournalEntry
{
    public long Sequence { get; init; }
    public DateTimeOffset TimeUtc { get; init; }
    public string Method { get; init; } = "";
    /// <summary>Path including the version segment, e.g. /v1.0/policies/authorizationPolicy.</summary>
    public string Path { get; init; } = "";
    /// <summary>Raw query string without the leading '?', or empty.</summary>
    public string Query { get; init; } = "";
    public int Status { get; init; }
    public bool InBatch { get; init; }
    /// <summary>Request id of the enclosing $batch request, when InBatch.</summary>
    public string? BatchId { get; init; }
    /// <summary>Id of the step inside the $batch body, when InBatch.</summary>
    public string? StepId { get; init; }
    public string RequestId { get; init; } = "";
    public string? ClientRequestId { get; init; }
    /// <summary>False when no simulated endpoint matched (answered 501).</summary>
    public bool Implemented { get; init; } = true;
    /// <summary>Request body of writes (parsed JSON when possible, else the raw text).</summary>
    public JsonNode? Body { get; init; }
    /// <summary>What the caller was: "delegated", "application" or null when unauthenticated.</summary>
    public string? CallerType { get; init; }

    /// <summary>True for every method except GET/HEAD.</summary>
    public bool IsWrite => !(Method.Equals("GET", StringComparison.OrdinalIgnoreCase) || Method.Equals("HEAD", StringComparison.OrdinalIgnoreCase));
}
