using System.Globalization;
using SsprTools.GraphSimulator.Pipeline;

namespace SsprTools.GraphSimulator.OData;

/// <summary>
/// The $filter surface of /auditLogs/directoryAudits (sspr-audit.md §6.3): the API page's operators (eq, ge, le,
/// startswith), gt, result eq and tr/type eq from Microsoft's cmdlet docs, and two forms only observed in public tools
/// (category eq, tr/userPrincipalName eq). lt, ne, not, in and endswith are refused (open question 4).
/// Property names compare case-insensitively: "ActivityDateTime ge …" reached the retention check in msgraph-beta-sdk-dotnet#626.
/// </summary>
internal static class AuditFilterRules
{
    private static readonly Dictionary<string, string[]> Comparisons = new(StringComparer.OrdinalIgnoreCase)
    {
        ["activityDateTime"] = ["eq", "ge", "le", "gt"],
        ["activityDisplayName"] = ["eq"],
        ["category"] = ["eq"],
        ["correlationId"] = ["eq"],
        ["id"] = ["eq"],
        ["loggedByService"] = ["eq"],
        ["result"] = ["eq"],
        ["initiatedBy/user/id"] = ["eq"],
        ["initiatedBy/user/displayName"] = ["eq"],
        ["initiatedBy/user/userPrincipalName"] = ["eq"],
        ["initiatedBy/app/appId"] = ["eq"],
        ["initiatedBy/app/displayName"] = ["eq"],
    };

    private static readonly HashSet<string> StartsWith = new(StringComparer.OrdinalIgnoreCase) { "activityDisplayName", "initiatedBy/user/userPrincipalName" };

    private static readonly HashSet<string> TargetEq = new(StringComparer.OrdinalIgnoreCase) { "id", "displayName", "type", "userPrincipalName" };

    /// <summary>FilterRules for the shared collection code; Validate below is the stricter check that runs first.</summary>
    public static readonly FilterRules Permissive = new("directoryAudit",
        Comparisons.Keys.ToDictionary(k => k, _ => FilterOps.Eq | FilterOps.Range | FilterOps.StartsWith)
            .Append(KeyValuePair.Create("targetResources", FilterOps.Any)).ToDictionary(p => p.Key, p => p.Value));

    public static void Validate(FilterNode node)
    {
        switch (node)
        {
            case Comparison c when Comparisons.TryGetValue(c.Property, out var ops) && ops.Contains(c.Operator):
            case StringFunction { Function: "startsWith" } f when StartsWith.Contains(f.Property):
                return;
            case AnyLambda a when a.Collection.Equals("targetResources", StringComparison.OrdinalIgnoreCase):
                ValidateTarget(a.Predicate, a.Variable);
                return;
            case Logical l:
                Validate(l.Left);
                Validate(l.Right);
                return;
            default:
                throw Invalid(node);
        }
    }

    // targetResources/any(t: t/id eq '…'), t/displayName eq|startswith, t/type eq, t/userPrincipalName eq.
    private static void ValidateTarget(FilterNode predicate, string variable)
    {
        string? Inner(string path) => path.StartsWith(variable + "/", StringComparison.Ordinal) ? path[(variable.Length + 1)..] : null;
        var ok = predicate switch
        {
            Comparison { Operator: "eq" } c => Inner(c.Property) is { } p && TargetEq.Contains(p),
            StringFunction { Function: "startsWith" } f => Inner(f.Property) is { } p && p.Equals("displayName", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
        if (!ok)
            throw Invalid(predicate);
    }

    /// <summary>The lower time bounds (ge, gt, eq on activityDateTime) anywhere in the expression.</summary>
    public static IEnumerable<DateTimeOffset> LowerBounds(FilterNode node) => node switch
    {
        Comparison { Operator: "ge" or "gt" or "eq", Value.Value: DateTimeOffset d } c
            when c.Property.Equals("activityDateTime", StringComparison.OrdinalIgnoreCase) => [d],
        Logical l => LowerBounds(l.Left).Concat(LowerBounds(l.Right)),
        _ => [],
    };

    // The observed text for a rejected directoryAudits filter is "Invalid filter clause" (graph-docs-old#17309).
    private static GraphError Invalid(FilterNode node) =>
        new(400, "BadRequest", string.Create(CultureInfo.InvariantCulture, $"Invalid filter clause: {Describe(node)} is not supported on directoryAudits."));

    private static string Describe(FilterNode node) => node switch
    {
        Comparison c => $"'{c.Property} {c.Operator}'",
        StringFunction f => $"'{f.Function}({f.Property}, …)'",
        AnyLambda a => $"'{a.Collection}/any'",
        InList i => $"'{i.Property} in'",
        Not => "'not'",
        _ => "this expression",
    };
}
