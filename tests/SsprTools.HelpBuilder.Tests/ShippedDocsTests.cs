using System.Xml.Linq;

namespace SsprTools.HelpBuilder.Tests;

/// <summary>The docs in docs/cmdlets, as the build converts them.</summary>
public class ShippedDocsTests
{
    private static readonly string DocsFolder = Path.Combine(RepositoryRoot(), "docs", "cmdlets");

    public static TheoryData<string> DocNames()
    {
        var data = new TheoryData<string>();
        foreach (var file in Program.DocFiles(DocsFolder))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void There_are_cmdlet_docs()
    {
        Assert.NotEmpty(Program.DocFiles(DocsFolder));
    }

    [Theory]
    [MemberData(nameof(DocNames))]
    public void Every_doc_converts_and_has_at_least_two_examples(string fileName)
    {
        var doc = MarkdownDocParser.ParseFile(Path.Combine(DocsFolder, fileName));

        Assert.True(doc.Examples.Count >= 2, $"{fileName} has {doc.Examples.Count} example(s); every cmdlet needs at least two.");
        Assert.All(doc.Examples, example => Assert.NotEmpty(example.Remarks));
    }

    [Theory]
    [MemberData(nameof(DocNames))]
    public void Links_to_other_docs_point_at_files_that_exist(string fileName)
    {
        var markdown = File.ReadAllText(Path.Combine(DocsFolder, fileName));
        foreach (System.Text.RegularExpressions.Match link in System.Text.RegularExpressions.Regex.Matches(markdown, @"\]\(([^)\s:]+)\)"))
        {
            var target = Path.GetFullPath(Path.Combine(DocsFolder, link.Groups[1].Value.Split('#')[0]));
            Assert.True(File.Exists(target), $"{fileName} links to {link.Groups[1].Value}, which does not exist.");
        }
    }

    [Fact]
    public void The_whole_folder_converts_to_one_valid_help_file()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var output = Path.Combine(Path.GetTempPath(), "helpbuilder-" + Guid.NewGuid().ToString("n"), "SsprTools.dll-Help.xml");
        try
        {
            var exit = Program.Run(new[] { "--docs", DocsFolder, "--out", output }, stdout, stderr);

            Assert.True(exit == 0, stderr.ToString());
            var names = XDocument.Load(output).Root!.Elements(XName.Get("command", MamlWriter.CommandNamespace))
                .Select(c => c.Element(XName.Get("details", MamlWriter.CommandNamespace))!.Element(XName.Get("name", MamlWriter.CommandNamespace))!.Value)
                .ToList();
            Assert.Equal(Program.DocFiles(DocsFolder).Select(Path.GetFileNameWithoutExtension), names);
        }
        finally
        {
            if (Directory.Exists(Path.GetDirectoryName(output)))
            {
                Directory.Delete(Path.GetDirectoryName(output)!, recursive: true);
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SsprTools.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No SsprTools.sln above {AppContext.BaseDirectory}.");
    }
}
