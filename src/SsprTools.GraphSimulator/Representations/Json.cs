using System.Globalization;
using System.Text.Json.Nodes;

namespace SsprTools.GraphSimulator.Representations;

/// <summary>Small helpers for Graph's JSON conventions.</summary>
internal static class Json
{
    /// <summary>ISO 8601 UTC with 'Z', as Graph writes DateTimeOffset values.</summary>
    public static string? Date(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)v).ToArray());

    /// <summary>Copies an object and puts @odata.type first, as Graph orders annotations.</summary>
    public static JsonObject Typed(string odataType, JsonObject source)
    {
        var result = new JsonObject { ["@odata.type"] = odataType };
        foreach (var (name, value) in source)
            if (name != "@odata.type")
                result[name] = value?.DeepClone();
        return result;
    }
}
