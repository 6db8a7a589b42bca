using System.Text.Json.Nodes;
using SsprTools.GraphSimulator.OData;
using SsprTools.GraphSimulator.Pipeline;

namespace SsprTools.GraphSimulator.Tests.OData;

/// <summary>Unquoted Edm.DateTimeOffset literals, as Graph documents them for audit logs and sign-in activity
/// (`$filter=activityDateTime ge 2026-11-01T00:00:00Z`): the ':' inside belongs to the literal.</summary>
public class FilterDateTimeTests
{
    private static bool Matches(string filter, string activityDateTime) =>
        FilterEvaluator.Matches(FilterParser.Parse(filter), new JsonObject { ["activityDateTime"] = activityDateTime });

    [Theory]
    [InlineData("activityDateTime ge 2026-11-01T00:00:00Z", "2026-11-02T10:00:00.1234567Z", true)]
    [InlineData("activityDateTime ge 2026-11-01T00:00:00Z", "2026-10-31T23:59:59Z", false)]
    [InlineData("activityDateTime ge 2026-11-01T00:00:00Z", "2026-11-01T00:00:00Z", true)]
    [InlineData("activityDateTime lt 2026-11-01T00:00:00.5Z", "2026-11-01T00:00:00.4Z", true)]
    [InlineData("activityDateTime lt 2026-11-01T00:00:00.5Z", "2026-11-01T00:00:00.6Z", false)]
    [InlineData("activityDateTime eq 2026-11-01T01:00:00+01:00", "2026-11-01T00:00:00Z", true)]
    [InlineData("activityDateTime ge 2026-11-01T00:00Z and activityDateTime le 2026-11-30T23:59:59Z", "2026-11-15T12:00:00Z", true)]
    [InlineData("activityDateTime ge 2026-11-01T00:00Z and activityDateTime le 2026-11-30T23:59:59Z", "2026-12-01T00:00:00Z", false)]
    public void ComparesInstantsNotText(string filter, string value, bool expected) =>
        Assert.Equal(expected, Matches(filter, value));

    [Fact]
    public void LambdaColonStillSeparatesVariableFromPredicate()
    {
        var node = FilterParser.Parse("activityDateTime ge 2026-11-01T00:00:00Z and targetResources/any(t:t/id eq 'abc')");
        var entity = new JsonObject
        {
            ["activityDateTime"] = "2026-11-05T00:00:00Z",
            ["targetResources"] = new JsonArray(new JsonObject { ["id"] = "abc" }),
        };
        Assert.True(FilterEvaluator.Matches(node, entity));
    }

    [Theory]
    [InlineData("activityDateTime ge 2026-13-01T00:00:00Z")]
    [InlineData("activityDateTime ge 2026-11-01T25:00:00Z")]
    [InlineData("activityDateTime ge 2026-11-01T00:00:00")]
    public void MalformedDateTimeIsInvalidFilterClause(string filter)
    {
        var error = Assert.Throws<GraphError>(() => FilterParser.Parse(filter));
        Assert.Equal(400, error.Status);
    }
}
