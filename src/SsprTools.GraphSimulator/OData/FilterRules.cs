using SsprTools.GraphSimulator.Pipeline;

namespace SsprTools.GraphSimulator.OData;

[Flags]
internal enum FilterOps
{
    None = 0,
    Eq = 1,
    In = 2,
    StartsWith = 4,
    Any = 8,
    /// <summary>ne, not, endsWith: directory "advanced queries" that need ConsistencyLevel: eventual and $count=true.</summary>
    Advanced = 16,
    Range = 32,
    Basic = Eq | In,
}

/// <summary>Which properties an endpoint lets callers filter on, with which operators (per the API reference).</summary>
internal sealed class FilterRules
{
    private readonly Dictionary<string, FilterOps> _properties;
    private readonly string _resource;

    public FilterRules(string resource, Dictionary<string, FilterOps> properties)
    {
        _resource = resource;
        _properties = new Dictionary<string, FilterOps>(properties, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Throws Graph's 400 Request_UnsupportedQuery when the expression uses a property or operator the API does not support.</summary>
    public void Validate(FilterNode node, ODataQuery query)
    {
        switch (node)
        {
            case Comparison c:
                Require(c.Property, c.Operator == "eq" ? FilterOps.Eq : c.Operator == "ne" ? FilterOps.Advanced : FilterOps.Range, query);
                break;
            case InList i:
                Require(i.Property, FilterOps.In, query);
                break;
            case StringFunction f:
                Require(f.Property, f.Function == "startsWith" ? FilterOps.StartsWith : FilterOps.Advanced, query);
                break;
            case AnyLambda a:
                Require(a.Collection, FilterOps.Any, query);
                break;
            case Logical l:
                Validate(l.Left, query);
                Validate(l.Right, query);
                break;
            case Not n:
                RequireAdvanced(query);
                Validate(n.Operand, query);
                break;
        }
    }

    private void Require(string property, FilterOps op, ODataQuery query)
    {
        if (!_properties.TryGetValue(property, out var allowed) || (allowed & op) == 0)
            throw GraphError.UnsupportedQuery($"Unsupported or invalid query filter clause specified for property '{property}' of resource '{_resource}'.");
        if (op == FilterOps.Advanced)
            RequireAdvanced(query);
    }

    // aad-advanced-queries.md: these operators need ConsistencyLevel: eventual and $count=true.
    private static void RequireAdvanced(ODataQuery query)
    {
        if (!query.Eventual || !query.Count)
            throw GraphError.UnsupportedQuery("Unsupported query: this filter is an advanced query and needs the ConsistencyLevel: eventual header and $count=true.");
    }
}
