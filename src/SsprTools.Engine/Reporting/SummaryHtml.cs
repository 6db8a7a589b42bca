using System.Globalization;
using SsprTools.Model;

namespace SsprTools.Engine.Reporting;

/// <summary>The summary cards: users by outcome and by predicted error (each card filters the table to its users),
/// then administrators and synchronized users.</summary>
internal static class SummaryHtml
{
    /// <summary>Outcomes worst first, each with what it means for the user.</summary>
    public static readonly (string Outcome, string Meaning)[] Outcomes =
    {
        (PredictionOutcome.Fails, "their reset would fail"),
        (PredictionOutcome.Unknown, "not decided by what could be read"),
        (PredictionOutcome.Succeeds, "their reset would work"),
    };

    public static void Write(HtmlOutput html, ReportSummary summary)
    {
        html.Raw("<section class=\"summary\" aria-labelledby=\"summary-title\">\n<h2 id=\"summary-title\">Summary</h2>\n<div class=\"cards\">\n");
        Card(html, "card card-all", "data-filter-outcome", "", "Total", summary.Total, summary.Total == 1 ? "User tested" : "Users tested", "show everyone");
        foreach (var (outcome, meaning) in Outcomes)
        {
            Card(html, "card card-" + outcome, "data-filter-outcome", outcome, outcome, summary.CountOf(outcome), outcome, meaning);
        }

        html.Raw("</div>\n<h3>Predicted errors</h3>\n");
        if (summary.ByError.Count == 0)
        {
            html.Raw("<p class=\"none\">No user is predicted to get an SSPR error.</p>\n");
        }
        else
        {
            html.Raw("<div class=\"cards\">\n");
            foreach (var error in summary.ByError)
            {
                Card(html, "card card-error", "data-filter-error", error.Key, error.Key, error.Value, error.Key, SsprErrorMeaning.Of(error.Key));
            }

            html.Raw("</div>\n");
        }

        html.Raw("<dl class=\"facts\">\n");
        Fact(html, "Administrators", "Admins", summary.Admins);
        Fact(html, "Not administrators", "NonAdmins", summary.NonAdmins);
        Fact(html, "Administrator status unknown", "AdminStatusUnknown", summary.AdminStatusUnknown);
        Fact(html, "Synchronized", "Synced", summary.Synced);
        Fact(html, "Cloud-only", "CloudOnly", summary.CloudOnly);
        Fact(html, "Sync state unknown", "SyncStatusUnknown", summary.SyncStatusUnknown);
        html.Raw("</dl>\n</section>\n");
    }

    private static void Card(HtmlOutput html, string css, string filterAttribute, string filterValue, string countName, int count, string label, string? meaning)
    {
        html.Raw("<button type=\"button\"").Attribute("class", css).Attribute(filterAttribute, filterValue).Raw(" aria-pressed=\"false\">")
            .Raw("<span class=\"count\"").Attribute("data-count", countName).Raw(">").Text(Number(count)).Raw("</span>")
            .Element("span", label, "label");
        if (meaning is not null)
        {
            html.Element("span", meaning, "meaning");
        }

        html.Raw("</button>\n");
    }

    private static void Fact(HtmlOutput html, string label, string countName, int count) =>
        html.Raw("<div>").Element("dt", label).Raw("<dd").Attribute("data-count", countName).Raw(">").Text(Number(count)).Raw("</dd></div>\n");

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
