using System.Text.Json.Nodes;
using SsprTools.GraphSimulator.Pipeline;

namespace SsprTools.GraphSimulator.OData;

/// <summary>Builds entity payloads: $select projection and the @odata.context Graph puts first.</summary>
internal static class Representation
{
    /// <summary>A single entity: {"@odata.context": "…#{set}[(select)]/$entity", …}.</summary>
    public static JsonObject Entity(GraphCall call, JsonObject full, string entitySet, string typeName, IReadOnlyList<string>? defaultProperties = null)
    {
        var select = call.Query.Select;
        var result = new JsonObject { ["@odata.context"] = call.Context($"{entitySet}{SelectSuffix(select, call.Query.Expand)}/$entity") };
        foreach (var (name, value) in Project(full, select ?? defaultProperties, typeName))
            result[name] = value?.DeepClone();
        return result;
    }

    /// <summary>"(a,b,nav())" for $select and $expand, as Graph writes them into @odata.context.</summary>
    public static string SelectSuffix(IReadOnlyList<string>? select, IReadOnlyList<string>? expand = null)
    {
        var parts = (select is null || select.Contains("*") ? [] : select).Concat((expand ?? []).Select(e => e.Split('(')[0] + "()")).ToList();
        return parts.Count == 0 ? "" : $"({string.Join(',', parts)})";
    }

    /// <summary>
    /// Keeps the selected properties (plus annotations such as @odata.type). Selecting a property the type does not
    /// have is a 400, as Graph answers "Could not find a property named 'x' on type 'microsoft.graph.y'."
    /// </summary>
    public static JsonObject Project(JsonObject full, IReadOnlyList<string>? properties, string typeName, bool lenient = false)
    {
        if (properties is null || properties.Contains("*"))
            return full;
        var projected = new JsonObject();
        foreach (var (name, value) in full)
            if (name.StartsWith('@'))
                projected[name] = value?.DeepClone();
        foreach (var property in properties)
        {
            var match = full.FirstOrDefault(p => p.Key.Equals(property, StringComparison.OrdinalIgnoreCase));
            if (match.Key is null && lenient)
                continue;
            if (match.Key is null)
                throw GraphError.BadRequest($"Could not find a property named '{property}' on type 'microsoft.graph.{typeName}'.");
            projected[match.Key] = match.Value?.DeepClone();
        }
        return projected;
    }
}
