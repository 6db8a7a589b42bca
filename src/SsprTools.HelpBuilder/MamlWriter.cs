using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;

namespace SsprTools.HelpBuilder;

/// <summary>
/// Writes the MAML help file Windows PowerShell and PowerShell 7 read for a binary module's cmdlets
/// (en-US/&lt;Assembly&gt;.dll-Help.xml): the element layout Microsoft's own cmdlet help files use.
/// </summary>
public static class MamlWriter
{
    public const string MshNamespace = "http://msh";
    public const string MamlNamespace = "http://schemas.microsoft.com/maml/2004/10";
    public const string CommandNamespace = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    public const string DevNamespace = "http://schemas.microsoft.com/maml/dev/2004/10";
    private const string MsHelpNamespace = "http://msdn.microsoft.com/mshelp";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The file's text; its XML declaration says utf-8, the encoding <see cref="WriteFile"/> uses.</summary>
    public static string ToXml(IEnumerable<CommandDoc> commands)
    {
        using var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, Settings))
        {
            Write(writer, commands);
        }

        return Utf8.GetString(output.ToArray());
    }

    public static void WriteFile(IEnumerable<CommandDoc> commands, string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, ToXml(commands), Utf8);
    }

    private static XmlWriterSettings Settings => new()
    {
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
        Encoding = Utf8,
    };

    private static void Write(XmlWriter xml, IEnumerable<CommandDoc> commands)
    {
        xml.WriteStartDocument();
        xml.WriteStartElement("helpItems", MshNamespace);
        xml.WriteAttributeString("schema", "maml");
        foreach (var command in commands)
        {
            WriteCommand(xml, command);
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteCommand(XmlWriter xml, CommandDoc command)
    {
        xml.WriteStartElement("command", "command", CommandNamespace);
        xml.WriteAttributeString("xmlns", "maml", null, MamlNamespace);
        xml.WriteAttributeString("xmlns", "command", null, CommandNamespace);
        xml.WriteAttributeString("xmlns", "dev", null, DevNamespace);
        xml.WriteAttributeString("xmlns", "MSHelp", null, MsHelpNamespace);

        xml.WriteStartElement("command", "details", CommandNamespace);
        xml.WriteElementString("command", "name", CommandNamespace, command.Name);
        xml.WriteElementString("command", "verb", CommandNamespace, command.Verb);
        xml.WriteElementString("command", "noun", CommandNamespace, command.Noun);
        Description(xml, new[] { command.Synopsis });
        xml.WriteEndElement();

        Description(xml, command.Description);

        xml.WriteStartElement("command", "syntax", CommandNamespace);
        IEnumerable<string?> syntaxSets = command.ParameterSets.Count == 0 ? new string?[] { null } : command.ParameterSets.Cast<string?>();
        foreach (var set in syntaxSets)
        {
            xml.WriteStartElement("command", "syntaxItem", CommandNamespace);
            xml.WriteElementString("maml", "name", MamlNamespace, command.Name);
            foreach (var parameter in command.ParametersOf(set))
            {
                Parameter(xml, parameter, parameter.IsMandatoryIn(set), extraNote: null);
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();

        xml.WriteStartElement("command", "parameters", CommandNamespace);
        foreach (var parameter in command.Parameters)
        {
            // Mandatory in only some of its sets: the table says false and the text says where.
            var sets = parameter.ParameterSets.Count > 0 ? parameter.ParameterSets : command.ParameterSets;
            var mandatory = sets.Where(s => parameter.IsMandatoryIn(s)).ToList();
            var everywhere = parameter.IsMandatoryIn(null) || (mandatory.Count > 0 && mandatory.Count == sets.Count);
            var note = !everywhere && mandatory.Count > 0
                ? $"Mandatory in the {Join(mandatory)} parameter set{(mandatory.Count == 1 ? "" : "s")}."
                : null;
            Parameter(xml, parameter, everywhere, note);
        }

        xml.WriteEndElement();

        Types(xml, "inputTypes", "inputType", command.Inputs);
        Types(xml, "returnValues", "returnValue", command.Outputs);

        if (command.Notes.Count > 0)
        {
            xml.WriteStartElement("maml", "alertSet", MamlNamespace);
            xml.WriteStartElement("maml", "alert", MamlNamespace);
            Paras(xml, command.Notes);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteStartElement("command", "examples", CommandNamespace);
        foreach (var example in command.Examples)
        {
            xml.WriteStartElement("command", "example", CommandNamespace);
            xml.WriteElementString("maml", "title", MamlNamespace, $"---------- {example.Title} ----------");
            xml.WriteElementString("dev", "code", DevNamespace, example.Code);
            xml.WriteStartElement("dev", "remarks", DevNamespace);
            // The trailing empty para is the blank line Get-Help puts before the next example's title.
            Paras(xml, example.Remarks.Append(string.Empty));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();

        xml.WriteStartElement("maml", "relatedLinks", MamlNamespace);
        foreach (var link in command.Links)
        {
            xml.WriteStartElement("maml", "navigationLink", MamlNamespace);
            xml.WriteElementString("maml", "linkText", MamlNamespace, link.Text);
            xml.WriteElementString("maml", "uri", MamlNamespace, link.Uri);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Parameter(XmlWriter xml, ParameterDoc parameter, bool required, string? extraNote)
    {
        xml.WriteStartElement("command", "parameter", CommandNamespace);
        xml.WriteAttributeString("required", Bool(required));
        xml.WriteAttributeString("variableLength", Bool(parameter.IsArray));
        xml.WriteAttributeString("globbing", Bool(parameter.Wildcards));
        xml.WriteAttributeString("pipelineInput", parameter.PipelineInput);
        xml.WriteAttributeString("position", parameter.Position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "named");
        xml.WriteAttributeString("aliases", parameter.Aliases.Count == 0 ? "none" : string.Join(", ", parameter.Aliases));
        xml.WriteElementString("maml", "name", MamlNamespace, parameter.Name);
        Description(xml, extraNote is null ? parameter.Description : parameter.Description.Append(extraNote));

        if (parameter.AcceptedValues.Count > 0)
        {
            xml.WriteStartElement("command", "parameterValueGroup", CommandNamespace);
            foreach (var value in parameter.AcceptedValues)
            {
                xml.WriteStartElement("command", "parameterValue", CommandNamespace);
                xml.WriteAttributeString("required", "false");
                xml.WriteAttributeString("command", "variableLength", CommandNamespace, "false");
                xml.WriteString(value);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        if (!parameter.IsSwitch)
        {
            xml.WriteStartElement("command", "parameterValue", CommandNamespace);
            xml.WriteAttributeString("required", "true");
            xml.WriteAttributeString("variableLength", Bool(parameter.IsArray));
            xml.WriteString(ShortTypeName(parameter.Type));
            xml.WriteEndElement();
        }

        TypeName(xml, parameter.Type);
        xml.WriteElementString("dev", "defaultValue", DevNamespace, parameter.DefaultValue);
        xml.WriteEndElement();
    }

    private static void Types(XmlWriter xml, string listElement, string itemElement, IEnumerable<TypeDoc> types)
    {
        xml.WriteStartElement("command", listElement, CommandNamespace);
        foreach (var type in types)
        {
            xml.WriteStartElement("command", itemElement, CommandNamespace);
            TypeName(xml, type.Name);
            Description(xml, type.Description);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void TypeName(XmlWriter xml, string name)
    {
        xml.WriteStartElement("dev", "type", DevNamespace);
        xml.WriteElementString("maml", "name", MamlNamespace, name);
        xml.WriteElementString("maml", "uri", MamlNamespace, string.Empty);
        xml.WriteEndElement();
    }

    private static void Description(XmlWriter xml, IEnumerable<string> paragraphs)
    {
        xml.WriteStartElement("maml", "description", MamlNamespace);
        Paras(xml, paragraphs);
        xml.WriteEndElement();
    }

    private static void Paras(XmlWriter xml, IEnumerable<string> paragraphs)
    {
        foreach (var paragraph in paragraphs)
        {
            xml.WriteElementString("maml", "para", MamlNamespace, paragraph);
        }
    }

    private static string ShortTypeName(string type) => type.Substring(type.LastIndexOf('.') + 1);

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Join(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
}
