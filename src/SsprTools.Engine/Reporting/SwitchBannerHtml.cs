using SsprTools.Engine.Catalogs;
using SsprTools.Engine.Rules;
using SsprTools.Model;

namespace SsprTools.Engine.Reporting;

/// <summary>The tenant's "SSPR for administrators" switch (allowedToUseSSPR): on, off with the fix, or not read and why.</summary>
internal static class SwitchBannerHtml
{
    public const string On = "on";
    public const string Off = "off";
    public const string NotRead = "not read";

    public static string State(AdminPolicy? policy) => policy is null ? NotRead : policy.AllowedToUseSspr ? On : Off;

    public static void Write(HtmlOutput html, ReportContext context)
    {
        var policy = context.AdminPolicy;
        var state = State(policy);
        var css = policy is null ? "banner-unread" : policy.AllowedToUseSspr ? "banner-on" : "banner-off";
        html.Raw("<section class=\"banner ").Raw(css).Raw("\" id=\"admin-switch\" aria-labelledby=\"admin-switch-title\"")
            .Attribute("data-state", state).Raw(">\n")
            .Raw("<h2 id=\"admin-switch-title\">SSPR for administrators: <span class=\"state\">").Text(state).Raw("</span></h2>\n");

        if (policy is null)
        {
            html.Raw("<p>The tenant's switch (allowedToUseSSPR) was not read: ").Text(context.AdminPolicyNote?.TrimEnd('.') ?? "no reason given")
                .Raw(".</p>\n<p>Each prediction's findings still show the switch as it was when the prediction was made ")
                .Raw("(finding <code>AdminSsprDisabled</code> when it was off). Connect with <code>Connect-SsprGraph</code> ")
                .Raw("before <code>Export-SsprReport</code> to include it here.</p>\n");
        }
        else if (policy.AllowedToUseSspr)
        {
            html.Raw("<p>allowedToUseSSPR is true: administrators can reset their own passwords under the administrator ")
                .Raw("policy (two registered methods, never security questions).</p>\n");
        }
        else
        {
            html.Raw("<p>allowedToUseSSPR is false: every administrator who tries self-service password reset gets ")
                .Raw("<code>SSPR_0009</code> (").Text(SsprErrorMeaning.Of(SsprErrorCode.TenantSsprFlagDisabled)).Raw(").</p>\n")
                .Raw("<p class=\"fix\">Fix: run <code>Enable-SsprForAdmins</code> (needs Policy.ReadWrite.Authorization; ")
                .Raw("Privileged Role Administrator). Microsoft documents that the change can take up to 60 minutes to apply.</p>\n");
        }

        if (policy is not null)
        {
            html.Raw("<p class=\"evidence\">Evidence: allowedToUseSSPR = ").Text(policy.AllowedToUseSspr ? "true" : "false")
                .Raw("; ").Text(policy.Source).Raw(" at <time").Attribute("datetime", ReportTime.Utc(policy.RetrievedAt)).Raw(">")
                .Text(ReportTime.Utc(policy.RetrievedAt)).Raw("</time>");
            if (!string.IsNullOrEmpty(policy.TenantId))
            {
                html.Raw(" (tenant ").Text(policy.TenantId).Raw(")");
            }

            html.Raw("</p>\n");
        }

        html.Raw("</section>\n");
    }
}
