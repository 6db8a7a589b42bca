namespace SsprTools.HelpBuilder.Tests;

public class MarkdownDocParserTests
{
    [Fact]
    public void Reads_name_synopsis_and_description_as_plain_text()
    {
        var doc = SampleDoc.Parse();

        Assert.Equal("Get-Widget", doc.Name);
        Assert.Equal("Get", doc.Verb);
        Assert.Equal("Widget", doc.Noun);
        Assert.Equal("Gets widgets from the widget store.", doc.Synopsis);
        Assert.Equal(
            new[]
            {
                "Reads widgets. See the docs (https://example.com/widgets) and Set-Widget.",
                "What it does:",
                "- Reads one widget by name.",
                "- Lists every widget with -All.",
            },
            doc.Description);
    }

    [Fact]
    public void Reads_every_parameter_fact_from_the_metadata_block()
    {
        var name = SampleDoc.Parse().Parameters[0];

        Assert.Equal("Name", name.Name);
        Assert.Equal("String[]", name.Type);
        Assert.True(name.IsArray);
        Assert.False(name.IsSwitch);
        Assert.Equal(new[] { "The widget's name." }, name.Description);
        Assert.Equal(new[] { "ByName" }, name.ParameterSets);
        Assert.True(name.IsMandatoryIn("ByName"));
        Assert.Equal(0, name.Position);
        Assert.Equal("True (ByValue, ByPropertyName)", name.PipelineInput);
        Assert.Equal(new[] { "WidgetName", "Id" }, name.Aliases);
        Assert.Equal("None", name.DefaultValue);
        Assert.True(name.Wildcards);
    }

    [Fact]
    public void Leaves_out_keys_take_their_documented_defaults()
    {
        var doc = SampleDoc.Parse();
        var all = doc.Parameters.Single(p => p.Name == "All");
        var color = doc.Parameters.Single(p => p.Name == "Color");

        Assert.True(all.IsSwitch);
        Assert.Equal("False", all.DefaultValue);
        Assert.Null(all.Position);
        Assert.Equal("False", all.PipelineInput);
        Assert.Empty(all.Aliases);
        Assert.False(all.Wildcards);

        Assert.Empty(color.ParameterSets);
        Assert.Null(color.MandatoryIn);
        Assert.Equal("Red", color.DefaultValue);
        Assert.Equal(new[] { "Red", "Green" }, color.AcceptedValues);
    }

    [Fact]
    public void A_parameter_in_every_set_can_be_mandatory_in_some()
    {
        var store = SampleDoc.Parse().Parameters.Single(p => p.Name == "Store");

        Assert.True(store.IsIn("ByName"));
        Assert.True(store.IsMandatoryIn("All"));
        Assert.False(store.IsMandatoryIn("ByName"));
    }

    [Fact]
    public void Parameter_sets_follow_the_declared_order()
    {
        Assert.Equal(new[] { "ByName", "All" }, SampleDoc.Parse().ParameterSets);
    }

    [Fact]
    public void Without_a_declaration_parameter_sets_come_in_the_order_parameters_name_them()
    {
        var doc = SampleDoc.Parse(SampleDoc.With("```yaml\nParameter sets: ByName, All\n```\n", string.Empty));

        Assert.Equal(new[] { "ByName", "All" }, doc.ParameterSets);
    }

    [Fact]
    public void Syntax_order_is_positional_then_mandatory_then_optional()
    {
        var doc = SampleDoc.Parse();

        Assert.Equal(new[] { "Name", "Color", "Store" }, doc.ParametersOf("ByName").Select(p => p.Name));
        Assert.Equal(new[] { "All", "Store", "Color" }, doc.ParametersOf("All").Select(p => p.Name));
    }

    [Fact]
    public void Reads_inputs_outputs_notes_and_links()
    {
        var doc = SampleDoc.Parse();

        Assert.Equal("System.String", Assert.Single(doc.Inputs).Name);
        Assert.Equal(new[] { "A widget name." }, doc.Inputs[0].Description);
        Assert.Equal("Contoso.Widget", Assert.Single(doc.Outputs).Name);
        Assert.Equal(new[] { "Needs Widget.Read." }, doc.Notes);
        Assert.Equal(new[] { new LinkDoc("Set-Widget", ""), new LinkDoc("Online help", "https://example.com/get-widget") }, doc.Links);
    }

    [Fact]
    public void Example_code_keeps_its_lines_and_comments_and_output_goes_to_the_remarks()
    {
        var example = SampleDoc.Parse().Examples[0];

        Assert.Equal("Example 1: Get one widget", example.Title);
        Assert.Equal("# A comment is not a heading.\nGet-Widget -Name gear", example.Code);
        Assert.Equal(new[] { "Name Color\n---- -----\ngear Red", "Gets the widget named gear." }, example.Remarks);
    }

    [Fact]
    public void A_list_item_keeps_its_continuation_lines_and_its_code_follows_it()
    {
        var markdown = SampleDoc.With(
            "- Lists every widget with -All.\n",
            "- Lists every widget with -All.\n\n1. Connect first,\n   then read.\n\n   ```powershell\n   Connect-Widget\n   ```\n2) Read.\n");

        var description = SampleDoc.Parse(markdown).Description;

        Assert.Equal(new[] { "1. Connect first, then read.", "Connect-Widget", "2. Read." }, description.Skip(4));
    }

    [Fact]
    public void Windows_line_endings_read_the_same()
    {
        Assert.Equal(SampleDoc.Parse(), SampleDoc.Parse(SampleDoc.Text.Replace("\n", "\r\n")), new DocComparer());
    }

    [Theory]
    [InlineData("`a *b*` and **c**", "a *b* and c")]
    [InlineData(@"not \*emphasis\* and SSPR_0009", "not *emphasis* and SSPR_0009")]
    [InlineData(@"`C:\temp\` stays", @"C:\temp\ stays")]
    [InlineData("[Get-Help](Get-Help.md) and [Learn](https://learn.microsoft.com)", "Get-Help and Learn (https://learn.microsoft.com)")]
    [InlineData("a < b & c > d", "a < b & c > d")]
    public void Inline_markdown_becomes_plain_text(string markdown, string plain)
    {
        Assert.Equal(plain, Inline.ToPlain(markdown));
    }

    [Fact]
    public void A_missing_synopsis_is_an_error_naming_the_file()
    {
        var markdown = SampleDoc.With("## Synopsis\n\nGets **widgets** from the\n`widget store`.\n\n", string.Empty);

        var error = Assert.Throws<HelpDocException>(() => SampleDoc.Parse(markdown));

        Assert.Equal("Get-Widget.md", error.File);
        Assert.Contains("## Synopsis", error.Problem);
    }

    [Fact]
    public void An_empty_synopsis_is_an_error()
    {
        var markdown = SampleDoc.With("Gets **widgets** from the\n`widget store`.\n", string.Empty);

        var error = Assert.Throws<HelpDocException>(() => SampleDoc.Parse(markdown));

        Assert.Contains("Synopsis must be exactly one paragraph", error.Problem);
    }

    [Fact]
    public void An_example_without_code_is_an_error_with_its_line()
    {
        var markdown = SampleDoc.With("```powershell\nGet-Widget -All -Store https://widgets.example\n```\n", string.Empty);

        var error = Assert.Throws<HelpDocException>(() => SampleDoc.Parse(markdown));

        Assert.Equal("Example 2 has no ```powershell code block.", error.Problem);
        Assert.Equal(LineOf(markdown, "### Example 2: List them all"), error.Line);
        Assert.StartsWith($"Get-Widget.md:{error.Line}: ", error.Message);
    }

    [Fact]
    public void A_parameter_without_type_is_an_error()
    {
        var markdown = SampleDoc.With("Type: String\nAccepted values", "Accepted values");

        var error = Assert.Throws<HelpDocException>(() => SampleDoc.Parse(markdown));

        Assert.Contains("parameter -Color has no type", error.Problem);
    }

    [Theory]
    [InlineData("Type: String\nAccepted values", "Type: String\nAcepted values", "not 'Key: value' with a known key")]
    [InlineData("### -Color\n\nOnly widgets of this color.\n", "### -Color\n", "parameter -Color has no description")]
    [InlineData("### -Color", "### Color", "a parameter heading is '### -Name'")]
    [InlineData("Mandatory: true\nPosition: 0", "Mandatory: Everything\nPosition: 0", "mandatory in 'Everything', which is not one of its parameter sets")]
    [InlineData("Position: 0", "Position: first", "Position of -Name is 'Named' or a number")]
    [InlineData("Pipeline input: ByValue, ByPropertyName", "Pipeline input: Yes", "Pipeline input of -Name is False, ByValue")]
    [InlineData("Parameter sets: All\nMandatory: All", "Parameter sets: Every\nMandatory: Every", "parameter set 'Every' is not in the 'Parameter sets' list")]
    [InlineData("### Example 2: List them all", "### Example 3: List them all", "'### Example 2: <title>'")]
    [InlineData("## Notes", "## Remarks", "unknown section '## Remarks'")]
    [InlineData("## Inputs\n\n### System.String\n\nA widget name.\n\n", "", "missing section '## Inputs'")]
    [InlineData("# Get-Widget\n", "# Get-Gadget\n", "the file is Get-Widget.md")]
    [InlineData("- [Set-Widget](Set-Widget.md)", "See also Set-Widget.", "## Related links is a list")]
    [InlineData("### -All\n", "### -Name\n\nAgain.\n\n```yaml\nType: String\n```\n\n### -All\n", "parameter -Name is documented twice")]
    public void Malformed_docs_are_errors_that_say_what_is_wrong(string find, string replace, string problem)
    {
        var error = Assert.Throws<HelpDocException>(() => SampleDoc.Parse(SampleDoc.With(find, replace)));

        Assert.Contains(problem, error.Problem);
    }

    [Fact]
    public void Sections_must_keep_their_order()
    {
        var markdown = SampleDoc.With("## Notes\n\nNeeds Widget.Read.\n\n", string.Empty)
            .Replace("## Synopsis", "## Notes\n\nNeeds Widget.Read.\n\n## Synopsis");

        var error = Assert.Throws<HelpDocException>(() => SampleDoc.Parse(markdown));

        Assert.Contains("out of order", error.Problem);
    }

    [Fact]
    public void An_unclosed_code_block_is_an_error()
    {
        var markdown = SampleDoc.Text + "\n```powershell\nGet-Widget\n";

        var error = Assert.Throws<HelpDocException>(() => SampleDoc.Parse(markdown));

        Assert.Contains("never closed", error.Problem);
    }

    private static int LineOf(string text, string line) =>
        Array.IndexOf(text.Split('\n'), line) + 1;

    /// <summary>Records hold lists, which compare by reference; this compares the help they produce.</summary>
    private sealed class DocComparer : IEqualityComparer<CommandDoc>
    {
        public bool Equals(CommandDoc? x, CommandDoc? y) =>
            x is not null && y is not null && MamlWriter.ToXml(new[] { x }) == MamlWriter.ToXml(new[] { y });

        public int GetHashCode(CommandDoc obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }
}
