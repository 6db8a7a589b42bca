namespace SsprTools.GraphSimulator.OData;

/// <summary>How $count is treated on a collection.</summary>
internal enum CountRule
{
    /// <summary>Directory objects: $count needs ConsistencyLevel: eventual, else 400 (aad-advanced-queries.md).</summary>
    NeedsEventual,
    Supported,
    NotSupported,
}

/// <summary>What one collection endpoint supports (page sizes, $filter, $select defaults, $expand, $orderby).</summary>
internal sealed record CollectionSpec(string EntitySet, string TypeName)
{
    public int DefaultPageSize { get; init; } = 100;
    public int MaxPageSize { get; init; } = 999;
    /// <summary>False for directoryRoles and their members: "does not support paging" (paging.md).</summary>
    public bool Pageable { get; init; } = true;
    public FilterRules? Filter { get; init; }
    public IReadOnlyList<string>? DefaultSelect { get; init; }
    public CountRule Count { get; init; } = CountRule.NeedsEventual;
    public IReadOnlyList<string> OrderBy { get; init; } = [];
    /// <summary>Items of several types (memberOf): $select skips properties an item's type lacks.</summary>
    public bool Polymorphic { get; init; }
    /// <summary>Every $filter here is an advanced query (memberships: user-list-transitivememberof.md).</summary>
    public bool FilterNeedsEventual { get; init; }
    /// <summary>Navigation properties the endpoint can $expand.</summary>
    public IReadOnlyList<string> Expand { get; init; } = [];
}
