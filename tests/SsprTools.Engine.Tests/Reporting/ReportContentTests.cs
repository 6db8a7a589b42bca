using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using SsprTools.Engine.Reporting;
using SsprTools.Model;
using static SsprTools.Engine.Tests.Reporting.ReportSamples;

namespace SsprTools.Engine.Tests.Reporting;

public class ReportContentTests
{
    private static readonly ResetPrediction[] Mixed =
    [
        SwitchOffAdmin(),
        Member("alex@contoso.com", PredictionOutcome.Fails, "SSPR_0014"),
        Member("carla@contoso.com", PredictionOutcome.Succeeds),
        Member("gus@contoso.com", PredictionOutcome.Unknown, isAdmin: null, isSynced: null),
    ];

    [Fact]
    public void Every_prediction_becomes_one_row_in_input_order()
    {
        var html = Render(Context(), Mixed);

        var rows = Regex.Matches(html, "<tr class=\"main\">").Count;
        var upns = Regex.Matches(html, "<span class=\"upn-text mono\">([^<]*)</span>").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value));

        Assert.Equal(Mixed.Length, rows);
        Assert.Equal(Mixed.Select(p => p.UserPrincipalName), upns);
    }

    [Fact]
    public void A_row_shows_outcome_error_with_its_meaning_and_the_filter_data()
    {
        var body = UserBody(Render(Context(), Mixed), "grace.admin@contoso.com");

        Assert.Contains("data-outcome=\"Fails\" data-error=\"SSPR_0009\"", body);
        Assert.Contains("<span class=\"badge badge-Fails\">Fails</span>", body);
        Assert.Contains("<code title=\"Password reset isn&#39;t enabled for administrators (allowedToUseSSPR), or for other users by the user policy\">SSPR_0009</code>"
            + "<span class=\"meaning\">Password reset not enabled</span>", body);
        Assert.Contains("Global Administrator", body);
        Assert.Contains(">1 error, 1 information</td>", body);
    }

    [Fact]
    public void A_row_names_the_errors_the_portal_could_show_instead()
    {
        var prediction = new ResetPrediction
        {
            UserId = "u1",
            UserPrincipalName = "nina@contoso.com",
            Outcome = PredictionOutcome.Fails,
            PredictedError = "SSPR_0009",
            AlternativeErrors = ["SSPR_0011"],
        };

        var body = UserBody(Render(Context(), prediction), "nina@contoso.com");

        Assert.Contains("data-error=\"SSPR_0009\"", body);
        Assert.Contains("<span class=\"meaning alternatives\">or <code title=\"No password reset policy is defined\">SSPR_0011</code></span>", body);
    }

    [Fact]
    public void A_row_with_a_certain_error_shows_no_alternatives()
    {
        Assert.DoesNotContain("alternatives", UserBody(Render(Context(), Mixed), "grace.admin@contoso.com"));
    }

    [Fact]
    public void A_row_carries_every_finding_with_severity_code_message_evidence_and_remediation()
    {
        var prediction = SwitchOffAdmin();
        var body = UserBody(Render(Context(), prediction), prediction.UserPrincipalName);

        foreach (var finding in prediction.Findings)
        {
            Assert.Contains($"<span class=\"sev\">{finding.Severity}</span><code class=\"code\">{finding.Code}</code>", body);
            Assert.Contains($"<p class=\"message\">{finding.Message}</p>", body);
            Assert.Contains($"<dd class=\"evidence\">{finding.Evidence}</dd>", body);
        }

        Assert.Contains("<dd class=\"remediation\">Enable-SsprForAdmins</dd>", body);
        Assert.Contains("causes <code>SSPR_0009</code>: Password reset isn&#39;t enabled", body);
    }

    [Fact]
    public void Evidence_of_several_facts_shows_one_fact_a_line()
    {
        var prediction = new ResetPrediction
        {
            UserPrincipalName = "a@contoso.com",
            Outcome = PredictionOutcome.Succeeds,
            Findings = [new Finding { Code = "AdminMethodsCounted", Evidence = "methodsRegistered = [email]; GET /a | verifiedDomains = [contoso.com]; GET /b" }],
        };

        var body = UserBody(Render(Context(), prediction), "a@contoso.com");

        Assert.Contains("<dd class=\"evidence\">methodsRegistered = [email]; GET /a\nverifiedDomains = [contoso.com]; GET /b</dd>", body);
    }

    [Fact]
    public void Summary_cards_count_outcomes_errors_administrators_and_synchronized_users()
    {
        var html = Render(Context(), Mixed);

        Assert.Equal("4", DataCount(html, "Total"));
        Assert.Equal("2", DataCount(html, "Fails"));
        Assert.Equal("1", DataCount(html, "Succeeds"));
        Assert.Equal("1", DataCount(html, "Unknown"));
        Assert.Equal("1", DataCount(html, "SSPR_0009"));
        Assert.Equal("1", DataCount(html, "SSPR_0014"));
        Assert.Equal("1", DataCount(html, "Admins"));
        Assert.Equal("1", DataCount(html, "AdminStatusUnknown"));
        Assert.Equal("1", DataCount(html, "Synced"));
    }

    [Fact]
    public void Error_filter_offers_each_predicted_error_and_no_error()
    {
        var options = ElementById(Render(Context(), Mixed), "select", "filter-error");

        Assert.Equal(["", "SSPR_0009", "SSPR_0014", "none"], Regex.Matches(options, "value=\"([^\"]*)\"").Select(m => m.Groups[1].Value));
    }

    [Fact]
    public void Switch_off_banner_says_off_with_the_evidence_and_the_fix()
    {
        var banner = Banner(Render(Context(Switch(false)), Mixed));

        Assert.Contains("data-state=\"off\"", banner);
        Assert.Contains("allowedToUseSSPR is false", banner);
        Assert.Contains("<code>SSPR_0009</code>", banner);
        Assert.Contains("<code>Enable-SsprForAdmins</code>", banner);
        Assert.Contains("Evidence: allowedToUseSSPR = false; GET https://graph.microsoft.com/v1.0/policies/authorizationPolicy at <time datetime=\"2026-11-25T10:29:58Z\">", banner);
    }

    [Fact]
    public void Switch_on_banner_says_on_with_the_evidence_and_no_fix()
    {
        var banner = Banner(Render(Context(Switch(true)), Mixed));

        Assert.Contains("data-state=\"on\"", banner);
        Assert.Contains("allowedToUseSSPR is true", banner);
        Assert.Contains("Evidence: allowedToUseSSPR = true", banner);
        Assert.DoesNotContain("Enable-SsprForAdmins", banner);
    }

    [Theory]
    [InlineData("not connected", "was not read: not connected.</p>")]
    [InlineData("Graph refused: Policy.Read.All is missing.", "was not read: Graph refused: Policy.Read.All is missing.</p>")]
    public void Switch_not_read_banner_says_why(string note, string expected)
    {
        var banner = Banner(Render(Context(null, note), Mixed));

        Assert.Contains("data-state=\"not read\"", banner);
        Assert.Contains(expected, banner);
        Assert.DoesNotContain("Evidence:", banner);
    }

    [Fact]
    public void Tells_when_by_which_version_how_and_for_which_tenant_it_was_generated()
    {
        var html = Render(Context(), Mixed);
        var footer = ElementById(html, "footer", "generation");

        Assert.Contains("<meta name=\"generator\" content=\"SsprTools 0.1.0\">", html);
        Assert.Contains("<time datetime=\"2026-11-25T10:30:00Z\">2026-11-25T10:30:00Z</time> (UTC) by SsprTools 0.1.0", footer);
        Assert.Contains("<dd>Test-SsprAdminReset -AllAdmins</dd>", footer);
        Assert.Contains("<dd>84841066-274d-4ec0-a5c1-276be684bdd3</dd>", footer);
        Assert.Contains("<dd>admin@contoso.com (Interactive)</dd>", footer);
        Assert.Contains("<dd>https://graph.microsoft.com (Global cloud)</dd>", footer);
    }

    [Fact]
    public void Says_not_connected_when_there_was_no_connection()
    {
        var html = Render(new ReportContext { GeneratedAt = GeneratedAt, Source = "4 predictions from the pipeline", AdminPolicyNote = "not connected" }, Mixed);

        Assert.Contains("<dt>Tenant</dt><dd>not connected</dd>", html);
        Assert.DoesNotContain("Signed in as", html);
    }

    [Fact]
    public void Embeds_its_figures_as_json()
    {
        var data = JsonDocument.Parse(ElementById(Render(Context(Switch(false)), Mixed), "script", "report-data")).RootElement;

        Assert.Equal(4, data.GetProperty("users").GetInt32());
        Assert.Equal(2, data.GetProperty("outcomes").GetProperty("Fails").GetInt32());
        Assert.Equal(1, data.GetProperty("errors").GetProperty("SSPR_0014").GetInt32());
        Assert.Equal("off", data.GetProperty("adminSsprSwitch").GetString());
        Assert.Equal("2026-11-25T10:30:00Z", data.GetProperty("generatedAt").GetString());
    }

    [Fact]
    public void With_no_predictions_says_no_users_were_tested()
    {
        var html = Render(Context(Switch(false)));

        Assert.Contains("No users were tested", html);
        Assert.DoesNotContain("<tr class=\"main\">", html);
        Assert.Equal("0", DataCount(html, "Total"));
        Assert.Contains("No user is predicted to get an SSPR error.", html);
    }

    [Fact]
    public void Is_the_same_for_the_same_input()
    {
        Assert.Equal(Render(Context(Switch(false)), Mixed), Render(Context(Switch(false)), Mixed));
    }

    [Fact]
    public void Holds_no_token_and_has_nowhere_to_put_one()
    {
        var html = Render(Context(Switch(false)), Mixed);

        Assert.DoesNotMatch(@"eyJ[A-Za-z0-9_-]{8,}\.", html);
        Assert.DoesNotContain("Bearer", html, StringComparison.OrdinalIgnoreCase);
        var properties = typeof(ReportContext).GetProperties().Concat(typeof(ReportConnection).GetProperties()).Select(p => p.Name);
        Assert.DoesNotContain(properties, name => name.Contains("Token", StringComparison.OrdinalIgnoreCase)
            || name.Contains("Secret", StringComparison.OrdinalIgnoreCase) || name.Contains("Scope", StringComparison.OrdinalIgnoreCase));
    }

    private static string DataCount(string html, string name) =>
        Regex.Match(html, $"data-count=\"{name}\">([^<]*)<").Groups[1].Value;

    private static string Banner(string html) =>
        Regex.Match(html, "<section class=\"banner .*?</section>", RegexOptions.Singleline).Value;
}
