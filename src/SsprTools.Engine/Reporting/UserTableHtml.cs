using System.Collections.Generic;
using System.Globalization;

namespace SsprTools.Engine.Reporting;

/// <summary>The users table: the filter controls (shown by the script), the column headers, then one row per
/// prediction, written as it is reached so that 10,000 users never become one string.</summary>
internal static class UserTableHtml
{
    /// <summary>Column headers in row order; the table's JavaScript turns each into a sort button.</summary>
    public static readonly string[] Columns =
        { "User principal name", "Display name", "Outcome", "Predicted error", "Administrator", "Roles", "Synchronized", "Reason", "Findings" };

    public static void Write(HtmlOutput html, IEnumerable<Model.ResetPrediction> predictions, ReportSummary summary)
    {
        html.Raw("<section class=\"users\" aria-labelledby=\"users-title\">\n<h2 id=\"users-title\">Users</h2>\n");
        WriteControls(html, summary);
        if (summary.Total == 0)
        {
            html.Raw("<p class=\"empty\" id=\"no-users\">No users were tested: the report was given no predictions. Pipe ")
                .Raw("<code>Test-SsprAdminReset</code> output to <code>Export-SsprReport</code>, or use <code>-AllAdmins</code>.</p>\n");
        }

        html.Raw("<table id=\"predictions\">\n<caption class=\"sr-only\">Predicted self-service password reset per user. ")
            .Raw("Select a column header to sort; expand a row for its findings.</caption>\n<thead><tr>");
        foreach (var column in Columns)
        {
            html.Raw("<th scope=\"col\">").Text(column).Raw("</th>");
        }

        html.Raw("</tr></thead>\n");
        var index = 0;
        foreach (var prediction in predictions)
        {
            UserRowHtml.Write(html, prediction, ++index, Columns.Length);
        }

        html.Raw("</table>\n</section>\n");
    }

    // Hidden until the script runs: without JavaScript they could do nothing.
    private static void WriteControls(HtmlOutput html, ReportSummary summary)
    {
        html.Raw("<div class=\"controls\" id=\"controls\" hidden>\n")
            .Raw("<label>Search <input type=\"search\" id=\"filter-text\" autocomplete=\"off\" ")
            .Raw("placeholder=\"UPN, name, role, reason or finding\"></label>\n")
            .Raw("<label>Outcome <select id=\"filter-outcome\"><option value=\"\">All outcomes</option>");
        foreach (var (outcome, _) in SummaryHtml.Outcomes)
        {
            html.Raw("<option").Attribute("value", outcome).Raw(">").Text(outcome).Raw("</option>");
        }

        html.Raw("</select></label>\n<label>Predicted error <select id=\"filter-error\"><option value=\"\">All</option>");
        foreach (var error in summary.ByError)
        {
            html.Raw("<option").Attribute("value", error.Key).Raw(">").Text(error.Key).Raw("</option>");
        }

        html.Raw("<option value=\"").Raw(UserRowHtml.NoError).Raw("\">No predicted error</option></select></label>\n")
            .Raw("<button type=\"button\" id=\"filter-clear\">Clear filters</button>\n")
            .Raw("<button type=\"button\" id=\"expand-all\">Expand or collapse all</button>\n")
            .Raw("<span id=\"showing\" role=\"status\" aria-live=\"polite\">Showing ")
            .Text(summary.Total.ToString(CultureInfo.InvariantCulture)).Raw(" of ")
            .Text(summary.Total.ToString(CultureInfo.InvariantCulture)).Raw(" users</span>\n</div>\n");
    }
}
