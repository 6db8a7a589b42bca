using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SsprTools.GraphSimulator.OData;

/// <summary>Evaluates a parsed $filter against an entity's JSON representation. String comparison ignores case, as directory queries do.</summary>
internal static class FilterEvaluator
{
    public static bool Matches(FilterNode node, JsonObject entity) => Evaluate(node, name => Property(entity, name));

    private static bool Evaluate(FilterNode node, Func<string, JsonNode?> resolve) => node switch
    {
        Comparison c => Compare(resolve(c.Property), c.Operator, c.Value.Value),
        InList i => i.Values.Any(v => Compare(resolve(i.Property), "eq", v.Value)),
        StringFunction f => resolve(f.Property) is JsonValue v && v.GetValueKind() == JsonValueKind.String && f.Value.Value is string s &&
            (f.Function == "startsWith"
                ? v.GetValue<string>().StartsWith(s, StringComparison.OrdinalIgnoreCase)
                : v.GetValue<string>().EndsWith(s, StringComparison.OrdinalIgnoreCase)),
        AnyLambda a => resolve(a.Collection) is JsonArray items &&
            items.Any(item => Evaluate(a.Predicate, name => InLambda(a.Variable, item, name))),
        Logical { Operator: "and" } l => Evaluate(l.Left, resolve) && Evaluate(l.Right, resolve),
        Logical l => Evaluate(l.Left, resolve) || Evaluate(l.Right, resolve),
        Not n => !Evaluate(n.Operand, resolve),
        _ => false,
    };

    /// <summary>Inside any(v: ...): "v" is the item itself, "v/x" a property of it (targetResources/any(t: t/id eq '...')).</summary>
    private static JsonNode? InLambda(string variable, JsonNode? item, string name)
    {
        if (name == variable)
            return item;
        if (item is not JsonObject o)
            return null;
        return name.StartsWith(variable + "/", StringComparison.Ordinal) ? Property(o, name[(variable.Length + 1)..]) : Property(o, name);
    }

    private static JsonNode? Property(JsonObject entity, string path)
    {
        JsonNode? current = entity;
        foreach (var part in path.Split('/'))
        {
            if (current is not JsonObject obj)
                return null;
            current = obj.FirstOrDefault(p => p.Key.Equals(part, StringComparison.OrdinalIgnoreCase)).Value;
        }
        return current;
    }

    private static bool Compare(JsonNode? actual, string op, object? expected)
    {
        var order = Order(actual, expected);
        return op switch
        {
            "eq" => order == 0,
            "ne" => order != 0,
            "gt" => order > 0,
            "ge" => order >= 0,
            "lt" => order is < 0 and not int.MinValue,
            "le" => order is <= 0 and not int.MinValue,
            _ => false,
        };
    }

    /// <summary>Sign of actual − expected; int.MinValue when the two are not comparable.</summary>
    private static int Order(JsonNode? actual, object? expected)
    {
        if (actual is null || expected is null)
            return actual is null && expected is null ? 0 : int.MinValue;
        if (actual is not JsonValue value)
            return int.MinValue;
        return (value.GetValueKind(), expected) switch
        {
            (JsonValueKind.String, string s) => Math.Sign(string.Compare(value.GetValue<string>(), s, StringComparison.OrdinalIgnoreCase)),
            (JsonValueKind.True or JsonValueKind.False, bool b) => value.GetValue<bool>() == b ? 0 : int.MinValue,
            (JsonValueKind.Number, double d) => Math.Sign(value.GetValue<double>().CompareTo(d)),
            // Edm.DateTimeOffset travels as an ISO 8601 string; compare instants, not text (offsets and precision differ).
            (JsonValueKind.String, DateTimeOffset d) when DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var moment)
                => Math.Sign(moment.CompareTo(d)),
            _ => int.MinValue,
        };
    }
}
