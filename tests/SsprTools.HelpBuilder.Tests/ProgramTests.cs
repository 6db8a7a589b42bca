using System.Xml.Linq;

namespace SsprTools.HelpBuilder.Tests;

public sealed class ProgramTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "helpbuilder-" + Guid.NewGuid().ToString("n"));
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    public ProgramTests()
    {
        Directory.CreateDirectory(Docs);
        File.WriteAllText(Path.Combine(Docs, "Get-Widget.md"), SampleDoc.Text);
        File.WriteAllText(Path.Combine(Docs, "README.md"), "# How to write these docs\n\nNot a cmdlet.\n");
    }

    private string Docs => Path.Combine(_folder, "docs");

    private string Output => Path.Combine(_folder, "out", "en-US", "Test.dll-Help.xml");

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        _stdout.Dispose();
        _stderr.Dispose();
    }

    [Fact]
    public void Writes_the_help_file_for_every_doc_but_the_readme()
    {
        var exit = Run("--docs", Docs, "--out", Output);

        Assert.Equal(0, exit);
        Assert.Empty(_stderr.ToString());
        Assert.Contains("Wrote help for 1 cmdlet(s)", _stdout.ToString());
        var names = XDocument.Load(Output).Descendants(XName.Get("name", MamlWriter.CommandNamespace)).Select(n => n.Value);
        Assert.Equal(new[] { "Get-Widget" }, names);
    }

    [Fact]
    public void A_malformed_doc_fails_with_its_file_line_and_problem_and_writes_nothing()
    {
        File.WriteAllText(Path.Combine(Docs, "Get-Gadget.md"), SampleDoc.Text.Replace("Widget", "Gadget").Replace("## Synopsis", "## Synopsys"));

        var exit = Run("--docs", Docs, "--out", Output);

        Assert.Equal(1, exit);
        var error = _stderr.ToString();
        Assert.Contains("Get-Gadget.md:3: unknown section '## Synopsys'", error);
        Assert.Contains("1 of 2 cmdlet doc(s) are malformed", error);
        Assert.False(File.Exists(Output));
    }

    [Theory]
    [InlineData("--docs")]
    [InlineData("--out", "x.xml")]
    [InlineData("--docs", "docs", "--out", "x.xml", "--extra")]
    public void Bad_arguments_exit_2_with_the_usage(params string[] args)
    {
        Assert.Equal(2, Run(args));
        Assert.Contains("Usage: dotnet SsprTools.HelpBuilder.dll --docs <dir> --out <file>", _stderr.ToString());
    }

    [Fact]
    public void A_missing_docs_folder_exits_2()
    {
        Assert.Equal(2, Run("--docs", Path.Combine(_folder, "nowhere"), "--out", Output));
        Assert.Contains("does not exist", _stderr.ToString());
    }

    [Fact]
    public void A_folder_without_cmdlet_docs_exits_1()
    {
        File.Delete(Path.Combine(Docs, "Get-Widget.md"));

        Assert.Equal(1, Run("--docs", Docs, "--out", Output));
        Assert.Contains("no cmdlet docs", _stderr.ToString());
    }

    private int Run(params string[] args) => Program.Run(args, _stdout, _stderr);
}
