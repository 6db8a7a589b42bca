using System.Text.Json;

namespace SsprTools.Engine.Reporting;

/// <summary>The report's figures as JSON in a non-executed &lt;script type="application/json"&gt;, for scripts that
/// read reports (and tests) without scraping the page.</summary>
internal static class ReportDataJson
{
    public static void Write(HtmlOutput html, ReportContext context, ReportSummary summary)
    {
        html.Raw("<script type=\"application/json\" id=\"report-data\">");
        JsonText.Write(html.Writer, json => WriteData(json, context, summary));
        html.Raw("</script>\n");
    }

    private static void WriteData(Utf8JsonWriter json, ReportContext context, ReportSummary summary)
    {
        json.WriteStartObject();
        json.WriteString("title", context.Title);
        json.WriteString("generatedAt", ReportTime.Utc(context.GeneratedAt));
        json.WriteString("generator", GenerationInfoHtml.Generator(context));
        json.WriteString("source", context.Source);
        json.WriteString("tenantId", context.Connection?.TenantId ?? context.AdminPolicy?.TenantId);
        json.WriteString("adminSsprSwitch", SwitchBannerHtml.State(context.AdminPolicy));
        json.WriteNumber("users", summary.Total);

        json.WriteStartObject("outcomes");
        foreach (var (outcome, _) in SummaryHtml.Outcomes)
        {
            json.WriteNumber(outcome, summary.CountOf(outcome));
        }

        json.WriteEndObject();

        json.WriteStartObject("errors");
        foreach (var error in summary.ByError)
        {
            json.WriteNumber(error.Key, error.Value);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}
