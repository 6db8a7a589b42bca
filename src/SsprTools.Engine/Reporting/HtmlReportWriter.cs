using System;
using System.Collections.Generic;
using System.IO;
using SsprTools.Model;

namespace SsprTools.Engine.Reporting;

/// <summary>
/// Writes one self-contained HTML page for a set of predictions: the tenant switch, summary counts, and a table of
/// users with their findings that a script makes sortable and filterable. The table is plain HTML, so the page reads
/// and prints without JavaScript. Output is streamed row by row and depends only on its input.
/// </summary>
public static class HtmlReportWriter
{
    /// <summary>Writes the page. <paramref name="predictions"/> is enumerated twice: once for the summary at the top, once for the rows.</summary>
    public static void Write(TextWriter writer, ReportContext context, IReadOnlyCollection<ResetPrediction> predictions)
    {
        if (writer is null) throw new ArgumentNullException(nameof(writer));
        if (context is null) throw new ArgumentNullException(nameof(context));
        if (predictions is null) throw new ArgumentNullException(nameof(predictions));

        var summary = ReportSummary.Of(predictions);
        var html = new HtmlOutput(writer);
        ReportHeadHtml.Write(html, context);
        html.Raw("<body>\n");
        GenerationInfoHtml.WriteHeader(html, context);
        html.Raw("<main>\n");
        SwitchBannerHtml.Write(html, context);
        SummaryHtml.Write(html, summary);
        UserTableHtml.Write(html, predictions, summary);
        html.Raw("</main>\n");
        GenerationInfoHtml.WriteFooter(html, context);
        ReportDataJson.Write(html, context, summary);
        html.Raw("<script>").Raw(ReportAssets.Script.Text).Raw("</script>\n</body>\n</html>\n");
    }
}
