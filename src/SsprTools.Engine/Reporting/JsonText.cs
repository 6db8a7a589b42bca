using System.Globalization;
using System.IO;

namespace SsprTools.Engine.Reporting;

/// <summary>JSON string literals safe to embed in an HTML &lt;script&gt; element: besides JSON's own escapes,
/// &lt; &gt; &amp; (no "&lt;/script&gt;" or "&lt;!--" can appear) and U+2028/U+2029 (line breaks to older JavaScript).</summary>
public static class JsonText
{
    public static void WriteString(TextWriter writer, string? value)
    {
        if (value is null)
        {
            writer.Write("null");
            return;
        }

        writer.Write('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': writer.Write("\\\""); break;
                case '\\': writer.Write("\\\\"); break;
                case '\n': writer.Write("\\n"); break;
                case '\r': writer.Write("\\r"); break;
                case '\t': writer.Write("\\t"); break;
                case < ' ' or '<' or '>' or '&' or '\u2028' or '\u2029': WriteEscaped(writer, c); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        writer.Write(c);
                        writer.Write(value[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        WriteEscaped(writer, '\uFFFD');
                    }
                    else
                    {
                        writer.Write(c);
                    }

                    break;
            }
        }

        writer.Write('"');
    }

    private static void WriteEscaped(TextWriter writer, char c)
    {
        writer.Write("\\u");
        writer.Write(((int)c).ToString("x4", CultureInfo.InvariantCulture));
    }
}
