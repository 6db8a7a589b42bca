using System.Text.Json.Nodes;

namespace SsprTools.GraphSimulator.Pipeline;

/// <summary>What a handler answers: status, extra headers and a JSON body (or none, or plain text for $count).</summary>
internal sealed class GraphResponse
{
    /// <summary>Graph's content type for JSON payloads.</summary>
    public const string JsonContentType = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    public int Status { get; init; } = 200;
    public JsonNode? Body { get; init; }
    public string? Text { get; init; }
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Tells the HTTP layer to abort the connection instead of answering (injected fault).</summary>
    public bool Abort { get; init; }

    public string? ContentType => Body is not null ? JsonContentType : Text is not null ? "text/plain" : null;

    public static GraphResponse Ok(JsonNode body) => new() { Body = body };
    public static GraphResponse NoContent() => new() { Status = 204 };
    public static GraphResponse PlainText(string text) => new() { Text = text };

    public GraphResponse WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }
}
