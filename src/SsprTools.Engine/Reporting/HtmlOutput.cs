using System.IO;

namespace SsprTools.Engine.Reporting;

/// <summary>Writes the report's markup straight to the output: <see cref="Raw"/> for the report's own constant
/// markup, <see cref="Text"/> and <see cref="Attribute"/> (both through <see cref="HtmlText"/>) for anything else.</summary>
internal sealed class HtmlOutput
{
    public HtmlOutput(TextWriter writer) => Writer = writer;

    public TextWriter Writer { get; }

    public HtmlOutput Raw(string markup)
    {
        Writer.Write(markup);
        return this;
    }

    public HtmlOutput Text(string? text)
    {
        HtmlText.Write(Writer, text);
        return this;
    }

    /// <summary>Writes <c> name="value"</c>; nothing when <paramref name="value"/> is null.</summary>
    public HtmlOutput Attribute(string name, string? value)
    {
        if (value is not null)
        {
            Writer.Write(' ');
            Writer.Write(name);
            Writer.Write("=\"");
            HtmlText.Write(Writer, value);
            Writer.Write('"');
        }

        return this;
    }

    /// <summary>A whole element with text content: &lt;tag class="…"&gt;text&lt;/tag&gt;.</summary>
    public HtmlOutput Element(string tag, string? text, string? cssClass = null)
    {
        Writer.Write('<');
        Writer.Write(tag);
        Attribute("class", cssClass);
        Writer.Write('>');
        HtmlText.Write(Writer, text);
        Writer.Write("</");
        Writer.Write(tag);
        Writer.Write('>');
        return this;
    }
}
