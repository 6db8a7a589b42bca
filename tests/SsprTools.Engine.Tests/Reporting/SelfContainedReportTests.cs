using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using static SsprTools.Engine.Tests.Reporting.ReportSamples;

namespace SsprTools.Engine.Tests.Reporting;

/// <summary>A report is one file that loads nothing: no external script, style, image, font or frame.</summary>
public class SelfContainedReportTests
{
    private static readonly string Html = Render(Context(Switch(false)), SwitchOffAdmin(),
        Member("alex@contoso.com", "Fails", "SSPR_0014"));

    private static readonly string[] UrlAttributes = ["src", "href", "srcset", "action", "formaction", "poster", "data", "background", "manifest", "ping", "xlink:href"];

    [Fact]
    public void Declares_a_content_security_policy_that_allows_nothing_to_load()
    {
        var policy = ContentSecurityPolicy();

        Assert.StartsWith("default-src 'none';", policy);
        Assert.Contains("img-src data:", policy);
        Assert.Contains("base-uri 'none'", policy);
        Assert.Contains("form-action 'none'", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.DoesNotContain("http", policy);
    }

    [Fact]
    public void Allows_exactly_its_own_inline_script_and_style_by_hash()
    {
        var policy = ContentSecurityPolicy();
        var script = Regex.Match(Html, "<script>(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        var style = Regex.Match(Html, "<style>(.*?)</style>", RegexOptions.Singleline).Groups[1].Value;

        Assert.Contains($"script-src 'sha256-{Sha256(script)}'", policy);
        Assert.Contains($"style-src 'sha256-{Sha256(style)}'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
    }

    [Fact]
    public void No_element_points_at_anything_but_an_inline_data_url()
    {
        var pointers = StartTags(Html)
            .SelectMany(t => t.Attributes.Where(a => UrlAttributes.Contains(a.Key)).Select(a => (t.Tag, a.Key, a.Value)))
            .ToList();

        Assert.Equal([("link", "href", "data:,")], pointers);
    }

    [Fact]
    public void Has_no_element_that_loads_or_embeds_content()
    {
        Assert.DoesNotContain(StartTags(Html), t => t.Tag is "img" or "iframe" or "frame" or "object" or "embed" or "video" or "audio" or "source" or "form" or "base");
        Assert.DoesNotContain(StartTags(Html), t => t.Tag == "link" && t.Attributes.GetValueOrDefault("rel") != "icon");
        Assert.DoesNotContain(StartTags(Html), t => t.Tag == "script" && t.Attributes.ContainsKey("src"));
    }

    [Fact]
    public void Its_stylesheet_imports_and_fetches_nothing()
    {
        var style = Regex.Match(Html, "<style>(.*?)</style>", RegexOptions.Singleline).Groups[1].Value;

        Assert.DoesNotContain("@import", style);
        Assert.DoesNotContain("url(", style);
        Assert.DoesNotContain("@font-face", style);
    }

    [Fact]
    public void Its_script_makes_no_request_and_stores_nothing()
    {
        var script = Regex.Match(Html, "<script>(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;

        foreach (var api in new[] { "fetch(", "XMLHttpRequest", "WebSocket", "EventSource", "sendBeacon", "localStorage", "sessionStorage", "document.cookie", "eval(", "innerHTML", "import(" })
        {
            Assert.DoesNotContain(api, script);
        }
    }

    [Fact]
    public void A_remediation_with_a_web_address_stays_text()
    {
        Assert.Contains("Register at https://aka.ms/ssprsetup", Html);
        Assert.DoesNotContain(StartTags(Html), t => t.Attributes.Values.Any(v => v.Contains("aka.ms", StringComparison.Ordinal)));
    }

    private static string ContentSecurityPolicy() =>
        Assert.Single(StartTags(Html), t => t.Tag == "meta" && t.Attributes.GetValueOrDefault("http-equiv") == "Content-Security-Policy")
            .Attributes["content"];

    private static string Sha256(string text) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
