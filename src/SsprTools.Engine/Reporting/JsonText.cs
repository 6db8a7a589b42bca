using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace SsprTools.Engine.Reporting;

/// <summary>JSON safe to embed in an HTML &lt;script&gt; element, written by System.Text.Json's <see cref="Utf8JsonWriter"/>.</summary>
public static class JsonText
{
    // JavaScriptEncoder escapes < > & ' + ` whatever ranges it allows, so no "</script>" or "<!--" can appear, and it
    // always escapes control characters, U+2028/U+2029 (line breaks to older JavaScript) and lone surrogates (as
    // U+FFFD). Allowing every other character keeps names such as "Zoë" or "李" readable in the page source.
    private static readonly JsonWriterOptions ScriptSafe = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>Writes what <paramref name="write"/> writes (one JSON value) to <paramref name="writer"/>.</summary>
    public static void Write(TextWriter writer, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, ScriptSafe))
        {
            write(json);
        }

        writer.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }
}
