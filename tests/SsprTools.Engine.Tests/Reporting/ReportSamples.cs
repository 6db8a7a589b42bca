using System.Text.RegularExpressions;
using SsprTools.Engine.Findings;
using SsprTools.Engine.Reporting;
using SsprTools.Model;

namespace SsprTools.Engine.Tests.Reporting;

/// <summary>Predictions and contexts for report tests, and the rendered page to look into.</summary>
internal static class ReportSamples
{
    public static readonly DateTimeOffset GeneratedAt = new(2026, 11, 25, 10, 30, 0, TimeSpan.Zero);

    public static ResetPrediction SwitchOffAdmin(string upn = "grace.admin@contoso.com") => new()
    {
        UserId = "11111111-1111-4111-8111-111111111111",
        UserPrincipalName = upn,
        DisplayName = "Grace Admin",
        IsAdmin = true,
        AdminRoles = ["Global Administrator"],
        IsSynced = true,
        Outcome = PredictionOutcome.Fails,
        PredictedError = "SSPR_0009",
        Reason = "SSPR for administrators is off (allowedToUseSSPR = false)",
        Findings =
        [
            new Finding
            {
                Code = "AdminSsprDisabled",
                Severity = FindingSeverity.Error,
                Message = "SSPR for administrators is off.",
                Evidence = "allowedToUseSSPR = false; GET /v1.0/policies/authorizationPolicy at 2026-11-25T10:00:00Z",
                Remediation = "Enable-SsprForAdmins",
                ErrorCode = "SSPR_0009",
            },
            new Finding { Code = "WritebackStatedEnabled", Severity = FindingSeverity.Information, Message = "Writeback stated enabled.", Evidence = "-PasswordWriteback Enabled" },
        ],
    };

    public static ResetPrediction Member(string upn, string outcome, string? error = null, bool? isAdmin = false, bool? isSynced = false,
        string? displayName = null) => new()
    {
        UserId = "id-" + upn,
        UserPrincipalName = upn,
        DisplayName = displayName ?? upn.Split('@')[0],
        IsAdmin = isAdmin,
        IsSynced = isSynced,
        Outcome = outcome,
        PredictedError = error,
        Reason = outcome + " for " + upn,
        Findings = error is null
            ? []
            : [new Finding { Code = "UserNotRegistered", Severity = FindingSeverity.Error, Message = "Not registered.", Evidence = "isSsprRegistered = false", Remediation = "Register at https://aka.ms/ssprsetup", ErrorCode = error }],
    };

    public static AdminPolicy Switch(bool on) => new()
    {
        AllowedToUseSspr = on,
        TenantId = "84841066-274d-4ec0-a5c1-276be684bdd3",
        RetrievedAt = new DateTimeOffset(2026, 11, 25, 10, 29, 58, TimeSpan.Zero),
        Source = "GET https://graph.microsoft.com/v1.0/policies/authorizationPolicy",
    };

    public static ReportContext Context(AdminPolicy? policy = null, string? note = null, string title = ReportContext.DefaultTitle) => new()
    {
        Title = title,
        GeneratedAt = GeneratedAt,
        ModuleVersion = "0.1.0",
        Source = "Test-SsprAdminReset -AllAdmins",
        Connection = new ReportConnection
        {
            TenantId = "84841066-274d-4ec0-a5c1-276be684bdd3",
            Account = "admin@contoso.com",
            AuthType = "Interactive",
            Environment = "Global",
            GraphEndpoint = "https://graph.microsoft.com",
        },
        AdminPolicy = policy,
        AdminPolicyNote = note,
    };

    public static string Render(ReportContext context, params ResetPrediction[] predictions)
    {
        using var writer = new StringWriter();
        HtmlReportWriter.Write(writer, context, predictions);
        return writer.ToString();
    }

    /// <summary>Every start tag of the page with its attributes. Good enough for the report's own, well-formed markup;
    /// a value containing '>' would end the tag early, which the encoder never lets through.</summary>
    public static IEnumerable<(string Tag, Dictionary<string, string> Attributes)> StartTags(string html) =>
        Regex.Matches(html, @"<([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>/]+(?:=""[^""]*""|=[^\s>]*)?)*)\s*/?>")
            .Select(m => (m.Groups[1].Value.ToLowerInvariant(),
                Regex.Matches(m.Groups[2].Value, @"([^\s=]+)(?:=""([^""]*)""|=([^\s>]*))?")
                    .GroupBy(a => a.Groups[1].Value.ToLowerInvariant())
                    .ToDictionary(g => g.Key, g => System.Net.WebUtility.HtmlDecode(g.First().Groups[2].Value + g.First().Groups[3].Value))));

    /// <summary>The text inside the element with this id attribute (first match; elements of the same name must not nest).</summary>
    public static string ElementById(string html, string tag, string id)
    {
        var match = Regex.Match(html, $@"<{tag}\b[^>]*\bid=""{Regex.Escape(id)}""[^>]*>(.*?)</{tag}>", RegexOptions.Singleline);
        Assert.True(match.Success, $"no <{tag} id=\"{id}\">");
        return match.Groups[1].Value;
    }

    /// <summary>One user's tbody, found by its user principal name.</summary>
    public static string UserBody(string html, string upn)
    {
        var bodies = Regex.Matches(html, @"<tbody class=""user""[^>]*>.*?</tbody>", RegexOptions.Singleline)
            .Select(m => m.Value)
            .Where(b => b.Contains($"data-sort=\"{System.Net.WebUtility.HtmlEncode(upn)}\"", StringComparison.Ordinal))
            .ToList();
        return Assert.Single(bodies);
    }
}
