using System.Text;
using System.Xml.Linq;

namespace SsprTools.HelpBuilder.Tests;

public class MamlWriterTests
{
    private static readonly XNamespace Msh = MamlWriter.MshNamespace;
    private static readonly XNamespace Maml = MamlWriter.MamlNamespace;
    private static readonly XNamespace Command = MamlWriter.CommandNamespace;
    private static readonly XNamespace Dev = MamlWriter.DevNamespace;

    [Fact]
    public void The_root_is_a_maml_helpItems_with_one_command_per_doc()
    {
        var xml = Write(SampleDoc.Parse(), NoParameters("Get-Gadget"));

        Assert.Equal(Msh + "helpItems", xml.Root!.Name);
        Assert.Equal("maml", (string?)xml.Root.Attribute("schema"));
        Assert.Equal(new[] { "Get-Widget", "Get-Gadget" },
            xml.Root.Elements(Command + "command").Select(c => (string)c.Element(Command + "details")!.Element(Command + "name")!));
    }

    [Fact]
    public void Details_hold_name_verb_noun_and_the_synopsis()
    {
        var details = Commands(Write(SampleDoc.Parse())).Single().Element(Command + "details")!;

        Assert.Equal("Get", (string?)details.Element(Command + "verb"));
        Assert.Equal("Widget", (string?)details.Element(Command + "noun"));
        Assert.Equal(new[] { "Gets widgets from the widget store." }, Paras(details.Element(Maml + "description")));
    }

    [Fact]
    public void The_long_description_is_one_para_per_paragraph_or_list_item()
    {
        var command = Commands(Write(SampleDoc.Parse())).Single();

        Assert.Equal(4, Paras(command.Element(Maml + "description")).Count);
    }

    [Fact]
    public void Syntax_has_one_item_per_parameter_set_with_that_sets_parameters()
    {
        var items = Commands(Write(SampleDoc.Parse())).Single().Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToList();

        Assert.Equal(2, items.Count);
        Assert.All(items, item => Assert.Equal("Get-Widget", (string?)item.Element(Maml + "name")));
        Assert.Equal(new[] { "Name", "Color", "Store" }, ParameterNames(items[0]));
        Assert.Equal(new[] { "All", "Store", "Color" }, ParameterNames(items[1]));

        var byName = Parameter(items[0], "Name");
        Assert.Equal("true", (string?)byName.Attribute("required"));
        Assert.Equal("0", (string?)byName.Attribute("position"));
        Assert.Equal("true", (string?)byName.Attribute("variableLength"));
        Assert.Equal("true", (string?)byName.Attribute("globbing"));
        Assert.Equal("True (ByValue, ByPropertyName)", (string?)byName.Attribute("pipelineInput"));
        Assert.Equal("WidgetName, Id", (string?)byName.Attribute("aliases"));

        Assert.Equal("false", (string?)Parameter(items[0], "Store").Attribute("required"));
        Assert.Equal("true", (string?)Parameter(items[1], "Store").Attribute("required"));
        Assert.Equal("named", (string?)Parameter(items[1], "Store").Attribute("position"));
    }

    [Fact]
    public void A_cmdlet_without_parameter_sets_or_parameters_has_one_bare_syntax_item()
    {
        var item = Assert.Single(Commands(Write(NoParameters("Get-Gadget"))).Single().Element(Command + "syntax")!.Elements(Command + "syntaxItem"));

        Assert.Equal("Get-Gadget", (string?)item.Element(Maml + "name"));
        Assert.Empty(item.Elements(Command + "parameter"));
    }

    [Fact]
    public void Values_types_and_defaults_are_where_Get_Help_reads_them()
    {
        var parameters = Commands(Write(SampleDoc.Parse())).Single().Element(Command + "parameters")!;

        var name = Parameter(parameters, "Name");
        Assert.Equal("String[]", (string?)name.Element(Command + "parameterValue"));
        Assert.Equal("String[]", (string?)name.Element(Dev + "type")!.Element(Maml + "name"));
        Assert.Equal("None", (string?)name.Element(Dev + "defaultValue"));

        var all = Parameter(parameters, "All");
        Assert.Null(all.Element(Command + "parameterValue"));
        Assert.Equal("False", (string?)all.Element(Dev + "defaultValue"));

        var store = Parameter(parameters, "Store");
        Assert.Equal("Uri", (string?)store.Element(Command + "parameterValue"));
        Assert.Equal("System.Uri", (string?)store.Element(Dev + "type")!.Element(Maml + "name"));

        var color = Parameter(parameters, "Color");
        Assert.Equal(new[] { "Red", "Green" },
            color.Element(Command + "parameterValueGroup")!.Elements(Command + "parameterValue").Select(v => (string)v));
        Assert.Equal("Red", (string?)color.Element(Dev + "defaultValue"));
    }

    [Fact]
    public void The_parameter_list_says_required_only_when_mandatory_everywhere_and_explains_the_rest()
    {
        var parameters = Commands(Write(SampleDoc.Parse())).Single().Element(Command + "parameters")!;

        Assert.Equal(new[] { "Name", "All", "Color", "Store" }, ParameterNames(parameters));
        Assert.Equal("true", (string?)Parameter(parameters, "Name").Attribute("required"));
        Assert.Equal("true", (string?)Parameter(parameters, "All").Attribute("required"));
        Assert.Equal("false", (string?)Parameter(parameters, "Color").Attribute("required"));

        var store = Parameter(parameters, "Store");
        Assert.Equal("false", (string?)store.Attribute("required"));
        Assert.Equal(new[] { "The store to read; needed when listing them all.", "Mandatory in the All parameter set." },
            Paras(store.Element(Maml + "description")));
    }

    [Fact]
    public void Inputs_outputs_notes_examples_and_links_are_written()
    {
        var command = Commands(Write(SampleDoc.Parse())).Single();

        var input = command.Element(Command + "inputTypes")!.Element(Command + "inputType")!;
        Assert.Equal("System.String", (string?)input.Element(Dev + "type")!.Element(Maml + "name"));
        Assert.Equal(new[] { "A widget name." }, Paras(input.Element(Maml + "description")));
        var output = command.Element(Command + "returnValues")!.Element(Command + "returnValue")!;
        Assert.Equal("Contoso.Widget", (string?)output.Element(Dev + "type")!.Element(Maml + "name"));

        Assert.Equal(new[] { "Needs Widget.Read." }, Paras(command.Element(Maml + "alertSet")!.Element(Maml + "alert")));

        var examples = command.Element(Command + "examples")!.Elements(Command + "example").ToList();
        Assert.Equal(2, examples.Count);
        Assert.Equal("---------- Example 1: Get one widget ----------", (string?)examples[0].Element(Maml + "title"));
        Assert.Equal("# A comment is not a heading.\nGet-Widget -Name gear", (string?)examples[0].Element(Dev + "code"));
        Assert.Equal(new[] { "Name Color\n---- -----\ngear Red", "Gets the widget named gear.", "" }, Paras(examples[0].Element(Dev + "remarks")));

        var links = command.Element(Maml + "relatedLinks")!.Elements(Maml + "navigationLink").ToList();
        Assert.Equal(new[] { "Set-Widget", "Online help" }, links.Select(l => (string)l.Element(Maml + "linkText")!));
        Assert.Equal(new[] { "", "https://example.com/get-widget" }, links.Select(l => (string)l.Element(Maml + "uri")!));
    }

    [Fact]
    public void Markup_characters_are_escaped_and_read_back_unchanged()
    {
        const string text = "Compare a < b && c > d in <tags> & \"quotes\"";
        var markdown = SampleDoc.With("Reads widgets.", text)
            .Replace("Get-Widget -Name gear", "Get-Widget | Where-Object { $_.Size -lt 3 -and $_.Name -ne '<none>' } 2>&1");

        var raw = MamlWriter.ToXml(new[] { SampleDoc.Parse(markdown) });
        var command = Commands(XDocument.Parse(raw)).Single();

        Assert.Contains("Compare a &lt; b &amp;&amp; c &gt; d in &lt;tags&gt; &amp;", raw);
        Assert.StartsWith(text, Paras(command.Element(Maml + "description"))[0]);
        Assert.Equal("# A comment is not a heading.\nGet-Widget | Where-Object { $_.Size -lt 3 -and $_.Name -ne '<none>' } 2>&1",
            (string?)command.Element(Command + "examples")!.Element(Command + "example")!.Element(Dev + "code"));
    }

    [Fact]
    public void The_file_is_utf8_without_a_byte_order_mark_and_its_folder_is_created()
    {
        var folder = Path.Combine(Path.GetTempPath(), "helpbuilder-" + Guid.NewGuid().ToString("n"));
        var path = Path.Combine(folder, "en-US", "Test.dll-Help.xml");
        try
        {
            MamlWriter.WriteFile(new[] { SampleDoc.Parse() }, path);

            var bytes = File.ReadAllBytes(path);
            Assert.NotEqual(0xEF, bytes[0]);
            Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", Encoding.UTF8.GetString(bytes));
            Assert.Equal("Get-Widget", (string?)XDocument.Load(path).Descendants(Command + "name").First());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static CommandDoc NoParameters(string name) => new(
        name, "Does a thing.", new[] { "Does a thing." }, Array.Empty<string>(), Array.Empty<ParameterDoc>(),
        new[] { new TypeDoc("None", Array.Empty<string>()) }, new[] { new TypeDoc("None", Array.Empty<string>()) },
        new[] { new ExampleDoc("Example 1: Do it", name, Array.Empty<string>()) }, Array.Empty<string>(), Array.Empty<LinkDoc>());

    private static XDocument Write(params CommandDoc[] docs) => XDocument.Parse(MamlWriter.ToXml(docs));

    private static IEnumerable<XElement> Commands(XDocument xml) => xml.Root!.Elements(Command + "command");

    private static List<string> Paras(XElement? parent) =>
        parent!.Elements(Maml + "para").Select(p => p.Value).ToList();

    private static IEnumerable<string> ParameterNames(XElement parent) =>
        parent.Elements(Command + "parameter").Select(p => (string)p.Element(Maml + "name")!);

    private static XElement Parameter(XElement parent, string name) =>
        parent.Elements(Command + "parameter").Single(p => (string?)p.Element(Maml + "name") == name);
}
