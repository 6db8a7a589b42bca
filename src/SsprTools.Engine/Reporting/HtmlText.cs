using System.IO;

namespace SsprTools.Engine.Reporting;

/// <summary>The one HTML encoder of the report: every piece of tenant data (names, roles, messages, evidence) goes
/// through <see cref="Write"/>, in text and in double-quoted attribute values alike.</summary>
public static class HtmlText
{
    private const char Replacement = '\uFFFD';

    /// <summary>Writes <paramref name="text"/> so that it can only ever be text: markup characters become character
    /// references, and characters HTML forbids (controls, lone surrogates) become U+FFFD.</summary>
    public static void Write(TextWriter writer, string? text)
    {
        if (text is null)
        {
            return;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': writer.Write("&amp;"); break;
                case '<': writer.Write("&lt;"); break;
                case '>': writer.Write("&gt;"); break;
                case '"': writer.Write("&quot;"); break;
                case '\'': writer.Write("&#39;"); break;
                case '\t' or '\n' or '\r': writer.Write(c); break;
                case < ' ' or (>= '\u007F' and <= '\u009F'): writer.Write(Replacement); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        writer.Write(c);
                        writer.Write(text[++i]);
                    }
                    else
                    {
                        writer.Write(char.IsSurrogate(c) ? Replacement : c);
                    }

                    break;
            }
        }
    }
}
