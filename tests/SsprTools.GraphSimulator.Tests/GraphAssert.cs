using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SsprTools.GraphSimulator.Tests;

/// <summary>Assertions on Graph's wire format.</summary>
internal static class GraphAssert
{
    /// <summary>Asserts status and the documented error body; returns the body.</summary>
    public static async Task<JsonObject> ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        var body = JsonNode.Parse(text)!.AsObject();
        var error = body["error"]!.AsObject();
        Assert.Equal(code, error["code"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(error["message"]!.GetValue<string>()));
        var inner = error["innerError"]!.AsObject();
        foreach (var key in new[] { "date", "request-id", "client-request-id" })
            Assert.True(inner.ContainsKey(key), $"innerError lacks {key}");
        Assert.True(response.Headers.Contains("request-id"));
        return body;
    }

    /// <summary>Every documented key is present with the documented JSON kind.</summary>
    public static void HasShape(JsonObject actual, JsonObject documented)
    {
        foreach (var (key, value) in documented)
        {
            Assert.True(actual.ContainsKey(key), $"missing '{key}' in {actual.ToJsonString()}");
            if (value is null || actual[key] is null || key == "@odata.context")
                continue;
            Assert.True(Kind(value) == Kind(actual[key]), $"'{key}': expected {Kind(value)}, got {Kind(actual[key])}");
            if (value is JsonObject nested)
                HasShape(actual[key]!.AsObject(), nested);
        }
    }

    private static JsonValueKind Kind(JsonNode? node) => node switch
    {
        null => JsonValueKind.Null,
        JsonObject => JsonValueKind.Object,
        JsonArray => JsonValueKind.Array,
        _ => node.GetValueKind() is JsonValueKind.False ? JsonValueKind.True : node.GetValueKind(),
    };
}
