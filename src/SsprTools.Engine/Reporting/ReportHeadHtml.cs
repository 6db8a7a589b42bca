namespace SsprTools.Engine.Reporting;

/// <summary>The document head: the Content-Security-Policy that keeps the page from loading or sending anything,
/// the title and the inline stylesheet.</summary>
internal static class ReportHeadHtml
{
    /// <summary>Nothing may load; only our own style and script (by hash) may apply. The icon is an empty data: URL so
    /// the browser does not ask for /favicon.ico.</summary>
    public static string ContentSecurityPolicy =>
        $"default-src 'none'; style-src {ReportAssets.Style.CspHash}; script-src {ReportAssets.Script.CspHash}; " +
        "img-src data:; base-uri 'none'; form-action 'none'";

    public static void Write(HtmlOutput html, ReportContext context)
    {
        html.Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            // Our own constant: hashes are base64, so nothing in it needs encoding.
            .Raw("<meta http-equiv=\"Content-Security-Policy\" content=\"").Raw(ContentSecurityPolicy).Raw("\">\n")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Raw("<meta name=\"color-scheme\" content=\"light dark\">\n")
            .Raw("<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Raw("<meta name=\"generator\"").Attribute("content", GenerationInfoHtml.Generator(context)).Raw(">\n")
            .Element("title", context.Title).Raw("\n")
            .Raw("<link rel=\"icon\" href=\"data:,\">\n")
            .Raw("<style>").Raw(ReportAssets.Style.Text).Raw("</style>\n</head>\n");
    }
}
