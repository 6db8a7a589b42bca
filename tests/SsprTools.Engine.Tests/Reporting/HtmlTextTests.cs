using System.Text.Json;
using SsprTools.Engine.Reporting;

namespace SsprTools.Engine.Tests.Reporting;

public class HtmlTextTests
{
    private static string Html(string? text)
    {
        using var writer = new StringWriter();
        HtmlText.Write(writer, text);
        return writer.ToString();
    }

    private static string Json(string? text)
    {
        using var writer = new StringWriter();
        JsonText.Write(writer, json => json.WriteStringValue(text));
        return writer.ToString();
    }

    [Fact]
    public void Html_encodes_every_markup_character()
    {
        Assert.Equal("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot; &#39;a&#39;", Html("<img src=x onerror=alert(1)> & \"q\" 'a'"));
    }

    [Fact]
    public void Html_keeps_unicode_and_line_breaks_as_they_are()
    {
        Assert.Equal("Zoë Ångström 李 👩‍💻\nnext", Html("Zoë Ångström 李 👩‍💻\nnext"));
    }

    [Fact]
    public void Html_replaces_characters_html_forbids()
    {
        Assert.Equal("a\uFFFDb\uFFFDc\uFFFD", Html("a\u0000b\u0085c\uD800"));
    }

    [Fact]
    public void Html_writes_nothing_for_null()
    {
        Assert.Equal("", Html(null));
    }

    [Fact]
    public void Json_cannot_close_a_script_element_or_open_a_comment()
    {
        var json = Json("</script><!--<script>alert(1)</script>&");

        Assert.DoesNotContain("<", json);
        Assert.DoesNotContain(">", json);
        Assert.DoesNotContain("&", json);
        Assert.Equal("</script><!--<script>alert(1)</script>&", JsonSerializer.Deserialize<string>(json));
    }

    [Fact]
    public void Json_escapes_line_and_paragraph_separators_and_controls_and_reads_back_the_same()
    {
        var text = "a\u2028b\u2029c\"d\\e\u0001f\r\n\t";

        var json = Json(text);

        Assert.DoesNotContain("\u2028", json);
        Assert.DoesNotContain("\u2029", json);
        Assert.DoesNotContain(json, c => c < ' ');
        Assert.Equal(text, JsonSerializer.Deserialize<string>(json));
    }

    [Fact]
    public void Json_keeps_unicode_readable_and_replaces_a_lone_surrogate()
    {
        Assert.Equal("\"Zoë 李\"", Json("Zoë 李"));
        Assert.Equal("a\uFFFDb", JsonSerializer.Deserialize<string>(Json("a\uD800b")));
    }

    [Fact]
    public void Json_writes_null_for_null()
    {
        Assert.Equal("null", Json(null));
    }
}
