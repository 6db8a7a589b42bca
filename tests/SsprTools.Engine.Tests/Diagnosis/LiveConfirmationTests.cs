using SsprTools.Engine.Connection;
using SsprTools.Engine.Diagnosis;
using SsprTools.Engine.Findings;
using SsprTools.Engine.Rules;
using SsprTools.Engine.Tests.Rules;
using SsprTools.Engine.Tests.Support;
using SsprTools.GraphSimulator;
using SsprTools.Model;

namespace SsprTools.Engine.Tests.Diagnosis;

/// <summary>The run's second, targeted pass: a report-based SSPR_0014 is predicted again with the user's live
/// authentication methods (the report "may reflect a latency of up to 36 hours", howto-authentication-methods-activity.md).
/// Against tests/module/scenarios/stale-report.json in the in-process simulator.</summary>
public class LiveConfirmationTests
{
    private const string Stella = "stella.stale@contoso.com";         // admin; registered Authenticator after the report's last update
    private const string Connor = "connor.confirmed@contoso.com";     // admin; one method, live and in the report
    private const string Nora = "nora.nullflag@contoso.com";          // user; the row leaves isSsprRegistered out
    private const string MethodsPath = "/authentication/methods";

    private static readonly string[] AllButMethods =
    [
        "Policy.Read.All", "RoleManagement.Read.Directory", "User.Read.All", "GroupMember.Read.All", "AuditLog.Read.All",
        "Organization.Read.All", "LicenseAssignment.Read.All",
    ];

    private static string ScenarioFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "tests", "module", "scenarios", "stale-report.json");
            if (File.Exists(file))
            {
                return file;
            }
        }

        throw new FileNotFoundException("tests/module/scenarios/stale-report.json not found above " + AppContext.BaseDirectory);
    }

    private static Task<SimulatorHost> StartAsync() => SimulatedTenant.StartAsync(ScenarioFile());

    private static async Task<ResetPrediction> PredictAsync(SsprSession session, string user) =>
        (await DiagnosisRun.Start(session, new()).PredictAsync([UserReference.TryParse(user)!], new RecordingLog(), CancellationToken.None)).Single().Prediction!;

    private static int MethodReads(SimulatorHost host) => host.Journal.Entries.Count(e => e.Path.EndsWith(MethodsPath, StringComparison.Ordinal));

    [Fact]
    public async Task A_method_registered_after_the_report_turns_SSPR_0014_into_unknown()
    {
        await using var host = await StartAsync();
        using var session = await SimulatedTenant.ConnectAsync(host);

        var prediction = await PredictAsync(session, Stella);

        Assert.Equal((PredictionOutcome.Unknown, (string?)null), (prediction.Outcome, prediction.PredictedError));
        var stale = Assert.Single(prediction.Findings, f => f.Code == FindingCode.RegistrationReportStale);
        Assert.Contains("registered after the report's last update (lastUpdatedDateTime 2025-01-06T07:00:00Z", stale.Message);
        var read = Assert.Single(host.Journal.Entries, e => e.Path.EndsWith(MethodsPath, StringComparison.Ordinal));
        Assert.True(read.InBatch);
        Assert.Equal("/v1.0/users/5a1e0001-0000-4000-8000-000000000001/authentication/methods", read.Path);
    }

    [Fact]
    public async Task Live_methods_that_agree_confirm_SSPR_0014()
    {
        await using var host = await StartAsync();
        using var session = await SimulatedTenant.ConnectAsync(host);

        var prediction = await PredictAsync(session, Connor);

        Assert.Equal((PredictionOutcome.Fails, "SSPR_0014"), (prediction.Outcome, prediction.PredictedError));
        Assert.Contains("confirmed live: authentication methods = ", Assert.Single(prediction.Findings, f => f.Code == FindingCode.AdminTooFewMethods).Evidence);
    }

    [Fact]
    public async Task Users_without_a_report_based_SSPR_0014_cost_no_live_read()
    {
        await using var host = await StartAsync();
        using var session = await SimulatedTenant.ConnectAsync(host);

        var prediction = await PredictAsync(session, Nora);

        Assert.Equal(PredictionOutcome.Unknown, prediction.Outcome);
        Assert.Contains(prediction.Findings, f => f.Code == FindingCode.RegistrationDetailsIncomplete);
        Assert.Equal(0, MethodReads(host));
    }

    [Fact]
    public async Task All_admins_are_confirmed_in_one_batch_of_only_those_users()
    {
        await using var host = await StartAsync();
        using var session = await SimulatedTenant.ConnectAsync(host);

        var predictions = await DiagnosisRun.Start(session, new()).PredictAdminsAsync(false, new RecordingLog(), CancellationToken.None);

        Assert.Equal(PredictionOutcome.Unknown, predictions.Single(p => p.UserPrincipalName == Stella).Outcome);
        Assert.Equal("SSPR_0014", predictions.Single(p => p.UserPrincipalName == Connor).PredictedError);
        var reads = host.Journal.Entries.Where(e => e.Path.EndsWith(MethodsPath, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, reads.Count);
        Assert.Single(reads.Select(r => r.BatchId).Distinct());
    }

    [Fact]
    public async Task Without_the_permission_the_verdict_stands_unconfirmed_and_is_not_asked_again()
    {
        await using var host = await StartAsync();
        using var session = await SimulatedTenant.ConnectAsync(host, host.IssueToken(scopes: AllButMethods));
        var run = DiagnosisRun.Start(session, new());

        var connor = (await run.PredictAsync([UserReference.TryParse(Connor)!], new RecordingLog(), CancellationToken.None)).Single().Prediction!;
        var stella = (await run.PredictAsync([UserReference.TryParse(Stella)!], new RecordingLog(), CancellationToken.None)).Single().Prediction!;

        Assert.All(new[] { connor, stella }, p =>
        {
            Assert.Equal((PredictionOutcome.Fails, "SSPR_0014"), (p.Outcome, p.PredictedError));
            var unconfirmed = Assert.Single(p.Findings, f => f.Code == FindingCode.RegistrationReportUnconfirmed);
            Assert.Contains("UserAuthenticationMethod.Read.All", unconfirmed.Remediation);
        });
        var refused = Assert.Single(host.Journal.Entries, e => e.Path.EndsWith(MethodsPath, StringComparison.Ordinal));
        Assert.Equal(403, refused.Status);
    }

    [Fact]
    public async Task At_most_one_batch_of_users_is_confirmed_per_run_and_the_rest_say_how_to_confirm()
    {
        // A generated tenant: about a quarter of its users have no method, so their SSPR_0014 rests on the report.
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = "large", Users = 300, Admins = 10 });
        using var session = await SimulatedTenant.ConnectAsync(host);
        var users = Enumerable.Range(10, 290).Select(i => UserReference.TryParse($"user{i:D5}@contoso-large.com")!).ToList();

        var predictions = (await DiagnosisRun.Start(session, new()).PredictAsync(users, new RecordingLog(), CancellationToken.None)).Select(r => r.Prediction!).ToList();

        Assert.Equal(LiveConfirmation.Budget, MethodReads(host));
        var unconfirmed = predictions.Where(p => p.Findings.Any(f => f.Code == FindingCode.RegistrationReportUnconfirmed)).ToList();
        Assert.NotEmpty(unconfirmed);
        Assert.All(unconfirmed, p =>
        {
            Assert.Equal("SSPR_0014", p.PredictedError);
            Assert.Contains("Test-SsprAdminReset -UserId " + p.UserPrincipalName, p.Findings.Single(f => f.Code == FindingCode.RegistrationReportUnconfirmed).Remediation);
        });
        Assert.Equal(
            LiveConfirmation.Budget,
            predictions.Count(p => p.Findings.Any(f => f.Evidence.Contains("confirmed live: ", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task Every_administrator_is_confirmed_whatever_the_budget_for_other_users()
    {
        // 60 generated admins with SSPR for administrators on: about a quarter have no method, more than one batch.
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = "large", Users = 300, Admins = 60 });
        await TurnOnAdminSwitchAsync(host);
        using var session = await SimulatedTenant.ConnectAsync(host);
        var admins = Enumerable.Range(0, 60).Select(i => UserReference.TryParse($"user{i:D5}@contoso-large.com")!).ToList();

        var predictions = (await DiagnosisRun.Start(session, new()).PredictAsync(admins, new RecordingLog(), CancellationToken.None)).Select(r => r.Prediction!).ToList();

        var reportBased = predictions.Where(p => p.IsAdmin == true && p.PredictedError == "SSPR_0014").ToList();
        Assert.True(reportBased.Count > LiveConfirmation.Budget, $"the scenario should hold more than {LiveConfirmation.Budget} admins failing with SSPR_0014, it has {reportBased.Count}");
        Assert.DoesNotContain(predictions, p => p.Findings.Any(f => f.Code == FindingCode.RegistrationReportUnconfirmed));
        Assert.All(reportBased, p => Assert.Contains(p.Findings, f => f.Evidence.Contains("confirmed live: ", StringComparison.Ordinal)));
        Assert.Equal(reportBased.Count, MethodReads(host));
    }

    private static async Task TurnOnAdminSwitchAsync(SimulatorHost host)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Patch, new Uri(host.BaseUrl, "v1.0/policies/authorizationPolicy"))
        {
            Content = new StringContent("{\"allowedToUseSSPR\": true}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", host.IssueToken(roles: ["Policy.ReadWrite.Authorization"]));
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"PATCH answered {(int)response.StatusCode}");
    }
}
