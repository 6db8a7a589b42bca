using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace SsprTools.HelpBuilder;

/// <summary>A doc that does not follow docs/cmdlets/README.md: the message names the file and line.</summary>
public sealed class HelpDocException(string file, int line, string problem) : Exception($"{file}:{line}: {problem}")
{
    public string File { get; } = file;

    public int Line { get; } = line;

    public string Problem { get; } = problem;
}

/// <summary>
/// Reads one docs/cmdlets/&lt;Name&gt;.md and checks it against the format (docs/cmdlets/README.md). The blocks
/// (headings, paragraphs, list items, ``` fences) come from <see cref="MarkdownBlocks"/>; inline `code`, **bold** and
/// [links](...) become plain text through <see cref="Inline"/>.
/// </summary>
public static class MarkdownDocParser
{
    /// <summary>The sections in the order they must appear; the first six are required.</summary>
    public static readonly string[] Sections =
        { "Synopsis", "Description", "Parameters", "Inputs", "Outputs", "Examples", "Notes", "Related links" };

    private const int RequiredSections = 6;

    private static readonly string[] MetadataKeys =
        { "Type", "Parameter sets", "Mandatory", "Position", "Pipeline input", "Aliases", "Default value", "Accepted values", "Wildcards" };

    private static readonly string[] CodeLanguages = { "powershell", "pwsh", "ps1", "ps" };

    public static CommandDoc ParseFile(string path) =>
        Parse(File.ReadAllText(path), path, Path.GetFileNameWithoutExtension(path));

    /// <param name="source">Used in error messages (file name or path).</param>
    /// <param name="expectedName">The cmdlet the file must document (its file name), or null.</param>
    public static CommandDoc Parse(string markdown, string source, string? expectedName = null)
    {
        var blocks = MarkdownBlocks.Read(markdown, source);
        var fail = (int line, string problem) => new HelpDocException(source, line, problem);

        if (blocks.Count == 0 || blocks[0] is not Heading { Level: 1 } title)
        {
            throw fail(blocks.Count == 0 ? 1 : blocks[0].Line, "the file must start with '# <Verb-Noun>', the cmdlet name.");
        }

        var name = title.Text.Trim();
        if (!Regex.IsMatch(name, @"^[A-Za-z]+-[A-Za-z0-9]+$"))
        {
            throw fail(title.Line, $"'{name}' is not a cmdlet name (Verb-Noun).");
        }

        if (expectedName is not null && !string.Equals(name, expectedName, StringComparison.Ordinal))
        {
            throw fail(title.Line, $"the heading names '{name}' but the file is {expectedName}.md; they must match.");
        }

        var sections = SplitSections(blocks.Skip(1).ToList(), fail);
        List<Block> Body(string section) => sections.TryGetValue(section, out var body) ? body.Blocks : new List<Block>();
        int LineOf(string section) => sections[section].Line;

        var synopsisBlocks = Body("Synopsis");
        if (synopsisBlocks.Count != 1 || synopsisBlocks[0] is not Paragraph synopsis)
        {
            throw fail(LineOf("Synopsis"), "## Synopsis must be exactly one paragraph.");
        }

        var description = Prose(Body("Description"), "## Description", fail);
        if (description.Count == 0)
        {
            throw fail(LineOf("Description"), "## Description is empty.");
        }

        var (declaredSets, parameters) = ParseParameters(Body("Parameters"), fail);
        var parameterSets = ResolveParameterSets(declaredSets, parameters, LineOf("Parameters"), fail);

        var inputs = ParseTypes(Body("Inputs"), "Inputs", LineOf("Inputs"), fail);
        var outputs = ParseTypes(Body("Outputs"), "Outputs", LineOf("Outputs"), fail);
        var examples = ParseExamples(Body("Examples"), LineOf("Examples"), fail);
        var notes = Prose(Body("Notes"), "## Notes", fail);
        var links = ParseLinks(Body("Related links"), fail);

        return new CommandDoc(name, Inline.ToPlain(synopsis.Text), description, parameterSets, parameters, inputs, outputs, examples, notes, links);
    }

    private static Dictionary<string, (int Line, List<Block> Blocks)> SplitSections(List<Block> blocks, Func<int, string, HelpDocException> fail)
    {
        var sections = new Dictionary<string, (int Line, List<Block> Blocks)>(StringComparer.OrdinalIgnoreCase);
        var lastIndex = -1;
        List<Block>? current = null;
        foreach (var block in blocks)
        {
            if (block is Heading { Level: 1 })
            {
                throw fail(block.Line, "only one '# ' heading (the cmdlet name) is allowed.");
            }

            if (block is Heading { Level: 2 } heading)
            {
                var index = Array.FindIndex(Sections, s => string.Equals(s, heading.Text, StringComparison.OrdinalIgnoreCase));
                if (index < 0)
                {
                    throw fail(block.Line, $"unknown section '## {heading.Text}'. Sections, in this order: {string.Join(", ", Sections)}.");
                }

                if (index <= lastIndex)
                {
                    throw fail(block.Line, $"'## {heading.Text}' is out of order or repeated. Sections, in this order: {string.Join(", ", Sections)}.");
                }

                lastIndex = index;
                current = new List<Block>();
                sections[Sections[index]] = (block.Line, current);
                continue;
            }

            if (current is null)
            {
                throw fail(block.Line, "text before '## Synopsis'; everything after the title belongs to a section.");
            }

            current.Add(block);
        }

        var lastLine = blocks.Count == 0 ? 1 : blocks[^1].Line;
        foreach (var required in Sections.Take(RequiredSections))
        {
            if (!sections.ContainsKey(required))
            {
                throw fail(lastLine, $"missing section '## {required}'.");
            }
        }

        return sections;
    }

    /// <summary>Paragraphs, list items and fences become help paragraphs; a subheading is not allowed in prose.</summary>
    private static List<string> Prose(IEnumerable<Block> blocks, string where, Func<int, string, HelpDocException> fail)
    {
        var paragraphs = new List<string>();
        foreach (var block in blocks)
        {
            paragraphs.Add(block switch
            {
                Paragraph p => Inline.ToPlain(p.Text),
                ListItem item => item.Marker + " " + Inline.ToPlain(item.Text),
                Fence fence => string.Join("\n", fence.Lines),
                Heading h => throw fail(h.Line, $"'{new string('#', h.Level)} {h.Text}' is not allowed in {where}."),
                _ => throw new InvalidOperationException(block.GetType().Name),
            });
        }

        return paragraphs;
    }

    /// <summary>Splits a section into its '### ' subsections; nothing may come before the first unless <paramref name="allowLead"/> says so.</summary>
    private static List<(Heading Heading, List<Block> Blocks)> Subsections(
        List<Block> blocks, string section, Func<int, string, HelpDocException> fail, Func<Block, bool>? allowLead = null)
    {
        var result = new List<(Heading, List<Block>)>();
        foreach (var block in blocks)
        {
            if (block is Heading { Level: 3 } heading)
            {
                result.Add((heading, new List<Block>()));
            }
            else if (block is Heading other)
            {
                throw fail(other.Line, $"only '### ' subheadings are allowed in ## {section}.");
            }
            else if (result.Count > 0)
            {
                result[^1].Item2.Add(block);
            }
            else if (allowLead is null || !allowLead(block))
            {
                throw fail(block.Line, $"text in ## {section} before its first '### ' subheading.");
            }
        }

        return result;
    }

    private static (IReadOnlyList<string>? Declared, List<ParameterDoc> Parameters) ParseParameters(List<Block> blocks, Func<int, string, HelpDocException> fail)
    {
        IReadOnlyList<string>? declared = null;
        // Before the first parameter: text for readers of the Markdown (Get-Help has no place for it)
        // and at most one 'Parameter sets:' block.
        var subsections = Subsections(blocks, "Parameters", fail, allowLead: block =>
        {
            if (block is Paragraph or ListItem)
            {
                return true;
            }

            if (block is not Fence { IsMetadata: true } fence || declared is not null)
            {
                return false;
            }

            var entries = Metadata(fence, fail);
            foreach (var key in entries.Keys.Where(k => !string.Equals(k, "Parameter sets", StringComparison.OrdinalIgnoreCase)))
            {
                throw fail(entries[key].Line, $"'{key}' is not allowed here; before the first parameter only 'Parameter sets: <names in syntax order>' is.");
            }

            declared = entries.TryGetValue("Parameter sets", out var sets) ? List(sets.Value) : Array.Empty<string>();
            return true;
        });

        var parameters = new List<ParameterDoc>();
        foreach (var (heading, body) in subsections)
        {
            var parameter = ParseParameter(heading, body, fail);
            if (parameters.Any(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)))
            {
                throw fail(heading.Line, $"parameter -{parameter.Name} is documented twice.");
            }

            parameters.Add(parameter);
        }

        return (declared, parameters);
    }

    private static ParameterDoc ParseParameter(Heading heading, List<Block> body, Func<int, string, HelpDocException> fail)
    {
        var match = Regex.Match(heading.Text, @"^-([A-Za-z][A-Za-z0-9_]*)$");
        if (!match.Success)
        {
            throw fail(heading.Line, $"a parameter heading is '### -Name', not '### {heading.Text}'.");
        }

        var name = match.Groups[1].Value;
        var metadataBlocks = body.OfType<Fence>().Where(f => f.IsMetadata).ToList();
        if (metadataBlocks.Count != 1)
        {
            throw fail(heading.Line, metadataBlocks.Count == 0
                ? $"parameter -{name} has no ```yaml metadata block (Type: ..., Mandatory: ..., ...)."
                : $"parameter -{name} has {metadataBlocks.Count} ```yaml metadata blocks; give one.");
        }

        var description = Prose(body.Where(b => b is not Fence { IsMetadata: true }), $"parameter -{name}", fail);
        if (description.Count == 0)
        {
            throw fail(heading.Line, $"parameter -{name} has no description.");
        }

        var entries = Metadata(metadataBlocks[0], fail);
        string? Get(string key) => entries.TryGetValue(key, out var entry) ? entry.Value : null;
        int LineOf(string key) => entries.TryGetValue(key, out var entry) ? entry.Line : metadataBlocks[0].Line;

        var type = Get("Type");
        if (string.IsNullOrWhiteSpace(type))
        {
            throw fail(LineOf("Type"), $"parameter -{name} has no type ('Type: String' in its ```yaml block).");
        }

        var sets = Get("Parameter sets") is { } setText && !string.Equals(setText.Trim(), "(All)", StringComparison.OrdinalIgnoreCase)
            ? List(setText)
            : Array.Empty<string>();

        IReadOnlyList<string>? mandatoryIn = Get("Mandatory")?.Trim() switch
        {
            null or "" => null,
            var text when string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) => null,
            var text when string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) => Array.Empty<string>(),
            var text => List(text),
        };
        if (mandatoryIn is { Count: > 0 } && sets.Count > 0 && mandatoryIn.FirstOrDefault(s => !sets.Contains(s, StringComparer.OrdinalIgnoreCase)) is { } stray)
        {
            throw fail(LineOf("Mandatory"), $"parameter -{name} is mandatory in '{stray}', which is not one of its parameter sets ({string.Join(", ", sets)}).");
        }

        int? position = Get("Position")?.Trim() switch
        {
            null or "" => null,
            var text when string.Equals(text, "Named", StringComparison.OrdinalIgnoreCase) => null,
            var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) => number,
            var text => throw fail(LineOf("Position"), $"Position of -{name} is 'Named' or a number, not '{text}'."),
        };

        var pipeline = Get("Pipeline input") is { } pipelineText ? List(pipelineText) : Array.Empty<string>();
        if (pipeline.Count == 1 && (string.Equals(pipeline[0], "False", StringComparison.OrdinalIgnoreCase) || string.Equals(pipeline[0], "None", StringComparison.OrdinalIgnoreCase)))
        {
            pipeline = Array.Empty<string>();
        }

        if (pipeline.FirstOrDefault(p => p is not ("ByValue" or "ByPropertyName")) is { } badPipeline)
        {
            throw fail(LineOf("Pipeline input"), $"Pipeline input of -{name} is False, ByValue, ByPropertyName or 'ByValue, ByPropertyName', not '{badPipeline}'.");
        }

        var aliases = Get("Aliases") is { } aliasText && !string.Equals(aliasText.Trim(), "None", StringComparison.OrdinalIgnoreCase)
            ? List(aliasText)
            : Array.Empty<string>();

        var wildcards = Get("Wildcards")?.Trim() switch
        {
            null or "" => false,
            var text when bool.TryParse(text, out var value) => value,
            var text => throw fail(LineOf("Wildcards"), $"Wildcards of -{name} is true or false, not '{text}'."),
        };

        var isSwitch = type.Trim() is "SwitchParameter" or "System.Management.Automation.SwitchParameter";
        var defaultValue = Get("Default value")?.Trim() is { Length: > 0 } given ? given : isSwitch ? "False" : "None";

        return new ParameterDoc(
            name, type.Trim(), description, sets, mandatoryIn, position,
            pipeline.Count == 0 ? "False" : $"True ({string.Join(", ", pipeline)})",
            aliases, defaultValue,
            Get("Accepted values") is { } accepted ? List(accepted) : Array.Empty<string>(),
            wildcards);
    }

    /// <summary>Syntax order: the declared list, or the order in which parameters first name the sets.</summary>
    private static IReadOnlyList<string> ResolveParameterSets(
        IReadOnlyList<string>? declared, List<ParameterDoc> parameters, int line, Func<int, string, HelpDocException> fail)
    {
        var named = parameters.SelectMany(p => p.ParameterSets.Concat(p.MandatoryIn ?? Array.Empty<string>()))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (declared is null || declared.Count == 0)
        {
            return named;
        }

        if (named.FirstOrDefault(s => !declared.Contains(s, StringComparer.OrdinalIgnoreCase)) is { } undeclared)
        {
            throw fail(line, $"parameter set '{undeclared}' is not in the 'Parameter sets' list under ## Parameters ({string.Join(", ", declared)}).");
        }

        return declared;
    }

    private static List<TypeDoc> ParseTypes(List<Block> blocks, string section, int line, Func<int, string, HelpDocException> fail)
    {
        var types = Subsections(blocks, section, fail)
            .Select(s => new TypeDoc(Inline.ToPlain(s.Heading.Text), Prose(s.Blocks, $"### {s.Heading.Text}", fail)))
            .ToList();
        if (types.Count == 0)
        {
            throw fail(line, $"## {section} needs at least one '### <type name>' ('### None' when there is none).");
        }

        return types;
    }

    private static List<ExampleDoc> ParseExamples(List<Block> blocks, int line, Func<int, string, HelpDocException> fail)
    {
        var examples = new List<ExampleDoc>();
        foreach (var (heading, body) in Subsections(blocks, "Examples", fail))
        {
            var number = examples.Count + 1;
            var match = Regex.Match(heading.Text, @"^Example (\d+): (\S.*)$");
            if (!match.Success || match.Groups[1].Value != number.ToString(CultureInfo.InvariantCulture))
            {
                throw fail(heading.Line, $"example headings are '### Example {number}: <title>', not '### {heading.Text}'.");
            }

            var code = body.OfType<Fence>().FirstOrDefault(f => CodeLanguages.Contains(f.Info, StringComparer.OrdinalIgnoreCase));
            if (code is null || code.Lines.All(string.IsNullOrWhiteSpace))
            {
                throw fail(heading.Line, $"Example {number} has no ```powershell code block.");
            }

            var remarks = Prose(body.Where(b => !ReferenceEquals(b, code)), $"Example {number}", fail);
            examples.Add(new ExampleDoc($"Example {number}: {Inline.ToPlain(match.Groups[2].Value)}", string.Join("\n", code.Lines).TrimEnd(), remarks));
        }

        if (examples.Count == 0)
        {
            throw fail(line, "## Examples has no '### Example 1: <title>'.");
        }

        return examples;
    }

    private static List<LinkDoc> ParseLinks(List<Block> blocks, Func<int, string, HelpDocException> fail)
    {
        var links = new List<LinkDoc>();
        foreach (var block in blocks)
        {
            if (block is not ListItem item)
            {
                throw fail(block.Line, "## Related links is a list: '- [Text](address)'.");
            }

            var match = Regex.Match(item.Text.Trim(), @"^\[([^\]]+)\]\(([^)\s]+)\)$");
            if (!match.Success)
            {
                links.Add(new LinkDoc(Inline.ToPlain(item.Text), string.Empty));
                continue;
            }

            var target = match.Groups[2].Value;
            var absolute = target.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
            links.Add(new LinkDoc(Inline.ToPlain(match.Groups[1].Value), absolute ? target : string.Empty));
        }

        return links;
    }

    private static Dictionary<string, (string Value, int Line)> Metadata(Fence fence, Func<int, string, HelpDocException> fail)
    {
        var entries = new Dictionary<string, (string, int)>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < fence.Lines.Count; i++)
        {
            var text = fence.Lines[i];
            var line = fence.Line + 1 + i;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var colon = text.IndexOf(':');
            var key = colon < 0 ? null : MetadataKeys.FirstOrDefault(k => string.Equals(k, text.Substring(0, colon).Trim(), StringComparison.OrdinalIgnoreCase));
            if (key is null)
            {
                throw fail(line, $"'{text.Trim()}' is not 'Key: value' with a known key ({string.Join(", ", MetadataKeys)}).");
            }

            if (!entries.TryAdd(key, (text.Substring(colon + 1).Trim(), line)))
            {
                throw fail(line, $"'{key}' is given twice.");
            }
        }

        return entries;
    }

    private static IReadOnlyList<string> List(string text) =>
        text.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
}

/// <summary>Inline Markdown to the plain text the console help shows.</summary>
public static class Inline
{
    private static readonly Regex Link = new(@"\[([^\]]+)\]\(([^)\s]+)\)");
    private static readonly Regex Strong = new(@"\*\*(.+?)\*\*");
    private static readonly Regex Escape = new(@"\\([!-/:-@\[-`{-~])");

    public static string ToPlain(string markdown)
    {
        var linked = Link.Replace(markdown, m =>
            m.Groups[2].Value.StartsWith("http", StringComparison.OrdinalIgnoreCase)
                ? $"{m.Groups[1].Value} ({m.Groups[2].Value})"
                : m.Groups[1].Value);

        // Code spans are literal; only the text between them loses its marks.
        var parts = linked.Split('`');
        for (var i = 0; i < parts.Length; i += 2)
        {
            parts[i] = Escape.Replace(Strong.Replace(parts[i], "$1"), "$1");
        }

        // An unmatched backtick (odd count) stays as typed.
        return parts.Length % 2 == 1 ? string.Concat(parts) : string.Join(string.Empty, parts.Take(parts.Length - 1)) + "`" + parts[^1];
    }
}
