using System.Globalization;
using System.Linq;
using SsprTools.Model;

namespace SsprTools.Engine.Reporting;

/// <summary>One user: a row with the verdict, and a row below it with the findings (shown when expanded, always
/// without JavaScript and in print). data-sort holds what the script sorts by where the text would sort wrongly.</summary>
internal static class UserRowHtml
{
    /// <summary>data-error of users with no predicted error (the error filter's "No predicted error").</summary>
    public const string NoError = "none";

    public static void Write(HtmlOutput html, ResetPrediction prediction, int index, int columnCount)
    {
        var outcome = KnownOutcome(prediction.Outcome);
        var error = string.IsNullOrEmpty(prediction.PredictedError) ? null : prediction.PredictedError;
        var findingsId = "user-" + index.ToString(CultureInfo.InvariantCulture) + "-findings";

        html.Raw("<tbody class=\"user\"").Attribute("data-outcome", outcome).Attribute("data-error", error ?? NoError).Raw(">\n<tr class=\"main\">")
            .Raw("<td class=\"upn\" data-label=\"User\"").Attribute("data-sort", prediction.UserPrincipalName).Raw(">")
            .Raw("<button type=\"button\" class=\"expand\" aria-expanded=\"false\"").Attribute("aria-controls", findingsId)
            .Attribute("aria-label", "Findings for " + prediction.UserPrincipalName).Raw("></button>")
            .Element("span", prediction.UserPrincipalName, "upn-text mono").Element("span", prediction.UserId, "meaning mono").Raw("</td>")
            .Raw("<td data-label=\"Display name\">").Text(prediction.DisplayName).Raw("</td>")
            .Raw("<td data-label=\"Outcome\"").Attribute("data-sort", OutcomeRank(outcome)).Raw(">")
            .Element("span", prediction.Outcome, "badge badge-" + outcome).Raw("</td>");
        WriteError(html, error, prediction.AlternativeErrors ?? System.Array.Empty<string>());
        WriteYesNo(html, "Administrator", prediction.IsAdmin, prediction.IsAdmin == false && prediction.EligibleAdminRoles.Length > 0 ? "No (eligible)" : null);
        WriteRoles(html, prediction);
        WriteYesNo(html, "Synchronized", prediction.IsSynced, null);
        html.Raw("<td class=\"reason\" data-label=\"Reason\">").Text(prediction.Reason).Raw("</td>");
        WriteFindingCount(html, prediction.Findings);
        html.Raw("</tr>\n<tr class=\"detail\"").Attribute("id", findingsId).Raw("><td")
            .Attribute("colspan", columnCount.ToString(CultureInfo.InvariantCulture)).Raw(">");
        FindingsHtml.Write(html, prediction.Findings);
        html.Raw("</td></tr>\n</tbody>\n");
    }

    /// <summary>Only the three outcomes get their colour and filter; anything else reads as Unknown, as the summary counts it.</summary>
    private static string KnownOutcome(string outcome) =>
        outcome is PredictionOutcome.Succeeds or PredictionOutcome.Fails ? outcome : PredictionOutcome.Unknown;

    // Worst first when sorted ascending.
    private static string OutcomeRank(string outcome) => outcome switch
    {
        PredictionOutcome.Fails => "0",
        PredictionOutcome.Unknown => "1",
        _ => "2",
    };

    /// <summary>The predicted error, then the codes the portal could show instead when the documentation or an undecided
    /// check leaves it open ("or SSPR_0011").</summary>
    private static void WriteError(HtmlOutput html, string? error, string[] alternatives)
    {
        html.Raw("<td data-label=\"Predicted error\"").Attribute("data-sort", error ?? "").Raw(">");
        if (error is null)
        {
            html.Raw("<span class=\"none\">none</span>");
        }
        else
        {
            html.Raw("<code").Attribute("title", SsprErrorMeaning.Of(error)).Raw(">").Text(error).Raw("</code>")
                .Element("span", SsprErrorMeaning.Short(error), "meaning");
            if (alternatives.Length > 0)
            {
                html.Raw("<span class=\"meaning alternatives\">or ");
                for (var i = 0; i < alternatives.Length; i++)
                {
                    html.Raw(i == 0 ? "" : " or ").Raw("<code").Attribute("title", SsprErrorMeaning.Of(alternatives[i])).Raw(">").Text(alternatives[i]).Raw("</code>");
                }

                html.Raw("</span>");
            }
        }

        html.Raw("</td>");
    }

    private static void WriteYesNo(HtmlOutput html, string label, bool? value, string? text)
    {
        html.Raw("<td").Attribute("data-label", label).Attribute("data-sort", value switch { true => "0", false => "1", null => "2" }).Raw(">")
            .Text(text ?? value switch { true => "Yes", false => "No", null => "Unknown" }).Raw("</td>");
    }

    private static void WriteRoles(HtmlOutput html, ResetPrediction prediction)
    {
        var active = string.Join(", ", prediction.AdminRoles);
        html.Raw("<td data-label=\"Roles\"").Attribute("data-sort", active).Raw(">").Text(active);
        if (prediction.EligibleAdminRoles.Length > 0)
        {
            html.Element("span", "Eligible: " + string.Join(", ", prediction.EligibleAdminRoles), "meaning");
        }

        html.Raw("</td>");
    }

    // Sorted by errors, then warnings, then information: the rows with the most to fix come last ascending, first descending.
    private static void WriteFindingCount(HtmlOutput html, Finding[] findings)
    {
        var errors = findings.Count(f => f.Severity == FindingSeverity.Error);
        var warnings = findings.Count(f => f.Severity == FindingSeverity.Warning);
        var other = findings.Length - errors - warnings;
        var key = (errors * 1_000_000L) + (warnings * 1_000L) + other;
        var parts = new[] { Count(errors, "error", "errors"), Count(warnings, "warning", "warnings"), Count(other, "information", "information") }
            .Where(p => p is not null);
        var text = findings.Length == 0 ? "none" : string.Join(", ", parts);
        html.Raw("<td data-label=\"Findings\"").Attribute("data-sort", key.ToString(CultureInfo.InvariantCulture)).Raw(">").Text(text).Raw("</td>");
    }

    private static string? Count(int count, string one, string many) =>
        count == 0 ? null : count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);
}
