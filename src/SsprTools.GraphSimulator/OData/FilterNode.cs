namespace SsprTools.GraphSimulator.OData;

/// <summary>Parsed $filter expression (the subset of OData v4 that Graph's directory APIs document).</summary>
internal abstract record FilterNode;

/// <summary>A literal: string, bool, number, null, an unquoted GUID (kept as text) or an unquoted DateTimeOffset.</summary>
internal sealed record Literal(object? Value);

/// <summary>prop eq|ne|gt|ge|lt|le literal. Property is "x" or, inside a lambda, the range variable.</summary>
internal sealed record Comparison(string Property, string Operator, Literal Value) : FilterNode;

/// <summary>prop in ('a', 'b').</summary>
internal sealed record InList(string Property, IReadOnlyList<Literal> Values) : FilterNode;

/// <summary>startsWith(prop, 'x') / endsWith(prop, 'x').</summary>
internal sealed record StringFunction(string Function, string Property, Literal Value) : FilterNode;

/// <summary>collection/any(v: v eq 'x').</summary>
internal sealed record AnyLambda(string Collection, string Variable, FilterNode Predicate) : FilterNode;

internal sealed record Logical(string Operator, FilterNode Left, FilterNode Right) : FilterNode;

internal sealed record Not(FilterNode Operand) : FilterNode;
