using SsprTools.Engine.Findings;
using SsprTools.Engine.Rules;
using SsprTools.Model;

namespace SsprTools.Engine.Reporting;

/// <summary>A user's findings, as Test-SsprAdminReset orders them: severity, code, the SSPR error it causes with its
/// meaning, the message, the evidence and the remediation.</summary>
internal static class FindingsHtml
{
    public static void Write(HtmlOutput html, Finding[] findings)
    {
        if (findings.Length == 0)
        {
            html.Raw("<p class=\"none\">No findings.</p>");
            return;
        }

        html.Raw("<ul class=\"findings\">");
        foreach (var finding in findings)
        {
            html.Raw("<li class=\"finding finding-").Raw(KnownSeverity(finding.Severity)).Raw("\"><div class=\"head\">")
                .Element("span", finding.Severity, "sev").Element("code", finding.Code, "code");
            if (!string.IsNullOrEmpty(finding.ErrorCode))
            {
                html.Raw("<span class=\"causes\">causes ").Element("code", finding.ErrorCode);
                var meaning = SsprErrorMeaning.Of(finding.ErrorCode);
                if (meaning is not null)
                {
                    html.Raw(": ").Text(meaning);
                }

                html.Raw("</span>");
            }

            html.Raw("</div>").Element("p", finding.Message, "message").Raw("<dl><dt>Evidence</dt>")
                .Element("dd", finding.Evidence.Replace(FactText.Separator, "\n"), "evidence");
            if (!string.IsNullOrEmpty(finding.Remediation))
            {
                html.Raw("<dt>Remediation</dt>").Element("dd", finding.Remediation, "remediation");
            }

            html.Raw("</dl></li>\n");
        }

        html.Raw("</ul>");
    }

    // Only known severities become a class name; the text itself is shown as given.
    private static string KnownSeverity(string severity) =>
        severity is FindingSeverity.Error or FindingSeverity.Warning ? severity : FindingSeverity.Information;
}
