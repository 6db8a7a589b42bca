using SsprTools.GraphSimulator.Tenant;

namespace SsprTools.GraphSimulator.Tests.Scenarios;

/// <summary>Valid JSON of the wrong shape is refused with a ScenarioException that names where, never a null reference later.</summary>
public class ScenarioShapeTests
{
    [Theory]
    [InlineData("[]", "not an array")]
    [InlineData("5", "not a number")]
    [InlineData("{\"users\": 5}", "$.users")]
    [InlineData("{\"users\": null}", "$.users")]
    [InlineData("{\"users\": [5]}", "$.users")]
    [InlineData("{\"users\": [null]}", "$.users[]")]
    [InlineData("{\"organization\": []}", "$.organization")]
    [InlineData("{\"sspr\": {\"methodsRequired\": \"two\"}}", "$.sspr.methodsRequired")]
    public void Wrong_shape_names_the_problem(string json, string named)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("shape.json", json));
        Assert.Contains("wrong shape", error.Message);
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void An_empty_object_is_a_scenario_with_defaults()
    {
        Assert.Empty(ScenarioLoader.Parse("empty.json", "{}").Users);
    }
}
