using System;
using System.Collections.Generic;
using System.Linq;

namespace SsprTools.HelpBuilder;

/// <summary>One cmdlet's help as docs/cmdlets/&lt;Name&gt;.md states it (format: docs/cmdlets/README.md).
/// Prose is already plain text: one string per paragraph, Markdown inline marks removed.</summary>
public sealed record CommandDoc(
    string Name,
    string Synopsis,
    IReadOnlyList<string> Description,
    IReadOnlyList<string> ParameterSets,
    IReadOnlyList<ParameterDoc> Parameters,
    IReadOnlyList<TypeDoc> Inputs,
    IReadOnlyList<TypeDoc> Outputs,
    IReadOnlyList<ExampleDoc> Examples,
    IReadOnlyList<string> Notes,
    IReadOnlyList<LinkDoc> Links)
{
    public string Verb => Name.Substring(0, Name.IndexOf('-'));

    public string Noun => Name.Substring(Name.IndexOf('-') + 1);

    /// <summary>The parameters of one syntax line: positional ones by position, then mandatory, then optional, each in document order.</summary>
    public IReadOnlyList<ParameterDoc> ParametersOf(string? parameterSet) =>
        Parameters
            .Where(p => parameterSet is null || p.IsIn(parameterSet))
            .Select((p, index) => (p, index))
            .OrderBy(x => x.p.Position ?? int.MaxValue)
            .ThenBy(x => x.p.IsMandatoryIn(parameterSet) ? 0 : 1)
            .ThenBy(x => x.index)
            .Select(x => x.p)
            .ToList();
}

/// <param name="ParameterSets">The sets the parameter is in; empty means every set.</param>
/// <param name="MandatoryIn">Null: never mandatory. Empty: mandatory in every set it is in. Otherwise only in these sets.</param>
/// <param name="Position">Null means named.</param>
/// <param name="PipelineInput">"False", or "True (ByValue)", "True (ByPropertyName)", "True (ByValue, ByPropertyName)".</param>
public sealed record ParameterDoc(
    string Name,
    string Type,
    IReadOnlyList<string> Description,
    IReadOnlyList<string> ParameterSets,
    IReadOnlyList<string>? MandatoryIn,
    int? Position,
    string PipelineInput,
    IReadOnlyList<string> Aliases,
    string DefaultValue,
    IReadOnlyList<string> AcceptedValues,
    bool Wildcards)
{
    public bool IsSwitch => Type is "SwitchParameter" or "System.Management.Automation.SwitchParameter";

    public bool IsArray => Type.EndsWith("[]", StringComparison.Ordinal);

    public bool IsIn(string parameterSet) =>
        ParameterSets.Count == 0 || ParameterSets.Contains(parameterSet, StringComparer.OrdinalIgnoreCase);

    /// <summary>Mandatory in this set; with no set (a cmdlet without sets, or the parameters table), mandatory wherever it is.</summary>
    public bool IsMandatoryIn(string? parameterSet) =>
        MandatoryIn is not null
        && (MandatoryIn.Count == 0 || (parameterSet is not null && MandatoryIn.Contains(parameterSet, StringComparer.OrdinalIgnoreCase)));
}

public sealed record TypeDoc(string Name, IReadOnlyList<string> Description);

/// <param name="Remarks">Paragraphs after the code; an output block is one paragraph with its line breaks.</param>
public sealed record ExampleDoc(string Title, string Code, IReadOnlyList<string> Remarks);

/// <param name="Uri">Empty for links to other Markdown files: only absolute http(s) addresses go to the help.</param>
public sealed record LinkDoc(string Text, string Uri);
