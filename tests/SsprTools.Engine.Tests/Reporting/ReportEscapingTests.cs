using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using SsprTools.Engine.Findings;
using SsprTools.Model;
using static SsprTools.Engine.Tests.Reporting.ReportSamples;

namespace SsprTools.Engine.Tests.Reporting;

/// <summary>Everything in a report comes from the tenant or the caller and must come out as inert text.</summary>
public class ReportEscapingTests
{
    private const string ImgPayload = "<img src=x onerror=alert(1)>";
    private const string ScriptPayload = "</script><script>alert(1)</script>";

    private static ResetPrediction Hostile(string displayName, string upn = "mallory@contoso.com") =>
        Member(upn, PredictionOutcome.Fails, "SSPR_0014", displayName: displayName);

    [Fact]
    public void A_display_name_with_an_img_tag_comes_out_as_text()
    {
        var html = Render(Context(), Hostile(ImgPayload));

        Assert.DoesNotContain(ImgPayload, html);
        Assert.DoesNotContain(StartTags(html), t => t.Tag == "img");
        Assert.Contains("<td data-label=\"Display name\">&lt;img src=x onerror=alert(1)&gt;</td>", html);
    }

    [Fact]
    public void A_closing_script_tag_in_the_title_or_a_name_cannot_end_a_script()
    {
        var html = Render(Context(title: "Report " + ScriptPayload), Hostile(ScriptPayload));

        // Only the report's own two script elements (its data and its code) open and close.
        Assert.Equal(2, Regex.Matches(html, "<script", RegexOptions.IgnoreCase).Count);
        Assert.Equal(2, Regex.Matches(html, "</script", RegexOptions.IgnoreCase).Count);
        Assert.Equal("Report " + ScriptPayload, WebUtility.HtmlDecode(Title(html)));
    }

    [Fact]
    public void The_embedded_data_is_json_that_gives_back_the_title_exactly()
    {
        var title = "Q4 <b>\"audit\"</b> & " + ScriptPayload + " \u2028";
        var html = Render(Context(title: title), SwitchOffAdmin());

        var json = ElementById(html, "script", "report-data");

        Assert.DoesNotContain("<", json);
        Assert.Equal(title, JsonDocument.Parse(json).RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public void A_quote_in_a_user_principal_name_cannot_open_an_attribute()
    {
        var upn = "x\" onmouseover=\"alert(1)@contoso.com";
        var html = Render(Context(), Member(upn, PredictionOutcome.Succeeds));

        Assert.DoesNotContain(StartTags(html), t => t.Attributes.Keys.Any(name => name.StartsWith("on", StringComparison.Ordinal)));
        Assert.Contains(StartTags(html), t => t.Tag == "td" && t.Attributes.GetValueOrDefault("data-sort") == upn);
    }

    [Fact]
    public void Findings_and_roles_are_encoded_too()
    {
        var prediction = new ResetPrediction
        {
            UserPrincipalName = "mallory@contoso.com",
            Outcome = PredictionOutcome.Fails,
            AdminRoles = [ImgPayload],
            Findings = [new Finding { Code = "<svg onload=alert(1)>", Severity = "<iframe>", Message = ImgPayload, Evidence = ScriptPayload, Remediation = "a & b", ErrorCode = "<object>" }],
        };

        var html = Render(Context(), prediction);

        Assert.DoesNotContain(StartTags(html), t => t.Tag is "img" or "svg" or "iframe" or "object");
        Assert.Contains("a &amp; b", html);
        Assert.Contains("class=\"finding finding-Information\"", html);
    }

    [Fact]
    public void Unicode_names_come_out_unchanged()
    {
        var html = Render(Context(), Hostile("Zoë Ångström 李 👩‍💻"));

        Assert.Contains("<td data-label=\"Display name\">Zoë Ångström 李 👩‍💻</td>", html);
    }

    private static string Title(string html) => Regex.Match(html, "<title>(.*?)</title>", RegexOptions.Singleline).Groups[1].Value;
}
