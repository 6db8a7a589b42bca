using System.Globalization;

namespace SsprTools.Engine.Reporting;

/// <summary>The report's figures as JSON in a non-executed &lt;script type="application/json"&gt;, for scripts that
/// read reports (and tests) without scraping the page.</summary>
internal static class ReportDataJson
{
    public static void Write(HtmlOutput html, ReportContext context, ReportSummary summary)
    {
        var json = html.Writer;
        html.Raw("<script type=\"application/json\" id=\"report-data\">{");
        Property(html, "title", context.Title);
        Property(html, "generatedAt", ReportTime.Utc(context.GeneratedAt));
        Property(html, "generator", GenerationInfoHtml.Generator(context));
        Property(html, "source", context.Source);
        Property(html, "tenantId", context.Connection?.TenantId ?? context.AdminPolicy?.TenantId);
        Property(html, "adminSsprSwitch", SwitchBannerHtml.State(context.AdminPolicy));
        json.Write("\"users\":");
        json.Write(summary.Total.ToString(CultureInfo.InvariantCulture));
        json.Write(",\"outcomes\":{");
        var first = true;
        foreach (var (outcome, _) in SummaryHtml.Outcomes)
        {
            Count(html, ref first, outcome, summary.CountOf(outcome));
        }

        json.Write("},\"errors\":{");
        first = true;
        foreach (var error in summary.ByError)
        {
            Count(html, ref first, error.Key, error.Value);
        }

        html.Raw("}}</script>\n");
    }

    private static void Property(HtmlOutput html, string name, string? value)
    {
        JsonText.WriteString(html.Writer, name);
        html.Writer.Write(':');
        JsonText.WriteString(html.Writer, value);
        html.Writer.Write(',');
    }

    private static void Count(HtmlOutput html, ref bool first, string name, int count)
    {
        if (!first)
        {
            html.Writer.Write(',');
        }

        first = false;
        JsonText.WriteString(html.Writer, name);
        html.Writer.Write(':');
        html.Writer.Write(count.ToString(CultureInfo.InvariantCulture));
    }
}
