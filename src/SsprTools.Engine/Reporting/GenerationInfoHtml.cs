namespace SsprTools.Engine.Reporting;

/// <summary>When, by what and how the report was generated: a line under the title and the page footer.</summary>
internal static class GenerationInfoHtml
{
    public static string Generator(ReportContext context) =>
        string.IsNullOrEmpty(context.ModuleVersion) ? "SsprTools" : $"SsprTools {context.ModuleVersion}";

    public static string Tenant(ReportContext context) =>
        context.Connection is null ? "not connected" : context.Connection.TenantId ?? "unknown tenant";

    public static void WriteHeader(HtmlOutput html, ReportContext context)
    {
        var generatedAt = ReportTime.Utc(context.GeneratedAt);
        html.Raw("<header class=\"page-header\">\n").Element("h1", context.Title).Raw("\n<p class=\"meta\">")
            .Raw("<span>Tenant ").Element("b", Tenant(context)).Raw("</span>")
            .Raw("<span>Generated <time").Attribute("datetime", generatedAt).Raw(">").Text(generatedAt).Raw("</time></span>")
            .Element("span", Generator(context))
            .Element("span", context.Source)
            .Raw("</p>\n</header>\n");
    }

    public static void WriteFooter(HtmlOutput html, ReportContext context)
    {
        var generatedAt = ReportTime.Utc(context.GeneratedAt);
        var connection = context.Connection;
        html.Raw("<footer class=\"page-footer\" id=\"generation\">\n<h2 class=\"sr-only\">How this report was generated</h2>\n<dl>\n")
            .Raw("<dt>Generated</dt><dd><time").Attribute("datetime", generatedAt).Raw(">").Text(generatedAt).Raw("</time> (UTC) by ")
            .Text(Generator(context)).Raw("</dd>\n")
            .Raw("<dt>Predictions</dt>").Element("dd", context.Source).Raw("\n")
            .Raw("<dt>Tenant</dt>").Element("dd", Tenant(context)).Raw("\n");
        if (connection is not null)
        {
            var account = string.IsNullOrEmpty(connection.Account) ? connection.AuthType : $"{connection.Account} ({connection.AuthType})";
            html.Raw("<dt>Signed in as</dt>").Element("dd", account).Raw("\n")
                .Raw("<dt>Microsoft Graph</dt>").Element("dd", $"{connection.GraphEndpoint} ({connection.Environment} cloud)").Raw("\n");
        }

        html.Raw("</dl>\n<p>A prediction is a snapshot of what Microsoft Graph said when it was made. The rules, their ")
            .Raw("Microsoft sources and every finding code are in docs/rules.md of SsprTools. This page loads nothing from ")
            .Raw("the network.</p>\n</footer>\n");
    }
}
