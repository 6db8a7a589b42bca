using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SsprTools.HelpBuilder;

/// <summary>dotnet SsprTools.HelpBuilder.dll --docs &lt;dir&gt; --out &lt;file&gt;</summary>
public static class Program
{
    public const string Usage =
        "Usage: dotnet SsprTools.HelpBuilder.dll --docs <dir> --out <file>\n" +
        "  Reads every <Verb-Noun>.md in <dir> (README.md is skipped; format: docs/cmdlets/README.md)\n" +
        "  and writes the MAML help file, for example out/SsprTools/en-US/SsprTools.dll-Help.xml.\n" +
        "  Exit codes: 0 written, 1 a doc is malformed (nothing written), 2 bad arguments.";

    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? docs = null, output = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--docs" when i + 1 < args.Length:
                    docs = args[++i];
                    break;
                case "--out" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                case "-h" or "--help" or "-?":
                    stdout.WriteLine(Usage);
                    return 0;
                default:
                    stderr.WriteLine($"error: unexpected argument '{args[i]}'.");
                    stderr.WriteLine(Usage);
                    return 2;
            }
        }

        if (docs is null || output is null)
        {
            stderr.WriteLine("error: both --docs and --out are required.");
            stderr.WriteLine(Usage);
            return 2;
        }

        if (!Directory.Exists(docs))
        {
            stderr.WriteLine($"error: the docs folder '{docs}' does not exist.");
            return 2;
        }

        var files = DocFiles(docs);
        if (files.Count == 0)
        {
            stderr.WriteLine($"error: no cmdlet docs (*.md other than README.md) in '{docs}'.");
            return 1;
        }

        var commands = new List<CommandDoc>();
        var failures = 0;
        foreach (var file in files)
        {
            try
            {
                commands.Add(MarkdownDocParser.ParseFile(file));
            }
            catch (HelpDocException e)
            {
                stderr.WriteLine($"error: {e.Message}");
                failures++;
            }
        }

        if (failures > 0)
        {
            stderr.WriteLine($"{failures} of {files.Count} cmdlet doc(s) are malformed; '{output}' was not written. The format is described in docs/cmdlets/README.md.");
            return 1;
        }

        MamlWriter.WriteFile(commands, output);
        stdout.WriteLine($"Wrote help for {commands.Count} cmdlet(s) to {output}: {string.Join(", ", commands.Select(c => c.Name))}.");
        return 0;
    }

    /// <summary>The cmdlet docs of a folder in a stable order: every *.md but README.md.</summary>
    public static IReadOnlyList<string> DocFiles(string folder) =>
        Directory.GetFiles(folder, "*.md")
            .Where(f => !string.Equals(Path.GetFileName(f), "README.md", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
            .ToList();
}
