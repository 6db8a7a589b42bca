using SsprTools.Engine.Connection;
using SsprTools.Engine.Diagnosis;
using SsprTools.Engine.Facts;
using SsprTools.Engine.Findings;
using SsprTools.Engine.Tests.Support;
using SsprTools.GraphSimulator;
using SsprTools.Model;

namespace SsprTools.Engine.Tests.Diagnosis;

/// <summary>Fact gathering plus rules, end to end against the simulated tenants.</summary>
public class DiagnosisRunTests
{
    private const string Grace = "grace.admin@contoso.com";       // synchronized Global Administrator
    private const string Henry = "henry.helpdesk@contoso.com";    // cloud-only Helpdesk Administrator
    private const string Gina = "gina.group@contoso.com";         // User Administrator through a role-assignable group
    private const string Paul = "paul.pim@contoso.com";           // PIM-eligible Privileged Role Administrator
    private const string Alex = "alex.wilber@contoso.com";        // ordinary synchronized user

    private static readonly DiagnosisOptions WritebackOn = new() { PasswordWriteback = PasswordWritebackState.Enabled, UserPolicyScope = SsprUserPolicyScope.All };

    private static async Task<(SimulatorHost Host, SsprSession Session)> ConnectAsync(string scenario)
    {
        var host = await SimulatedTenant.StartAsync(scenario);
        return (host, await SimulatedTenant.ConnectAsync(host));
    }

    private static List<UserReference> Users(params string[] names) => names.Select(n => UserReference.TryParse(n)!).ToList();

    [Fact]
    public async Task Admins_are_active_holders_of_listed_roles_directly_or_through_a_role_assignable_group()
    {
        var (host, session) = await ConnectAsync("seed");
        await using var _ = host;
        using var __ = session;

        var admins = await DiagnosisRun.Start(session, new()).GetAdminsAsync(false, null, new RecordingLog(), CancellationToken.None);

        Assert.Equal(new[] { Gina, Grace, Henry }, admins.Select(a => a.UserPrincipalName));
        var gina = admins.Single(a => a.UserPrincipalName == Gina);
        var viaGroup = Assert.Single(gina.Roles);
        Assert.Equal(("User Administrator", "Group", "SSPR User Administrators", "Active"), (viaGroup.RoleName, viaGroup.Via, viaGroup.GroupName, viaGroup.AssignmentType));
        Assert.Equal("62e90394-69f5-4237-9190-012177145e10", admins.Single(a => a.UserPrincipalName == Grace).Roles.Single().RoleTemplateId);
        Assert.True(admins.Single(a => a.UserPrincipalName == Grace).IsSynced);
        Assert.False(admins.Single(a => a.UserPrincipalName == Henry).IsSynced);
    }

    [Fact]
    public async Task Eligible_holders_are_listed_only_when_asked()
    {
        var (host, session) = await ConnectAsync("seed");
        await using var _ = host;
        using var __ = session;

        var admins = await DiagnosisRun.Start(session, new()).GetAdminsAsync(true, null, new RecordingLog(), CancellationToken.None);

        var paul = Assert.Single(admins, a => a.UserPrincipalName == Paul);
        Assert.Equal("Eligible", Assert.Single(paul.Roles).AssignmentType);
    }

    [Fact]
    public async Task Role_name_narrows_the_list()
    {
        var (host, session) = await ConnectAsync("seed");
        await using var _ = host;
        using var __ = session;

        var admins = await DiagnosisRun.Start(session, new()).GetAdminsAsync(false, new[] { "helpdesk administrator" }, new RecordingLog(), CancellationToken.None);

        Assert.Equal(new[] { Henry }, admins.Select(a => a.UserPrincipalName));
    }

    [Fact]
    public async Task Every_admin_fails_with_SSPR_0009_while_the_switch_is_off_with_its_evidence_and_fix()
    {
        var (host, session) = await ConnectAsync("seed");
        await using var _ = host;
        using var __ = session;

        var predictions = await DiagnosisRun.Start(session, WritebackOn).PredictAdminsAsync(false, new RecordingLog(), CancellationToken.None);

        Assert.Equal(3, predictions.Count);
        Assert.All(predictions, p =>
        {
            Assert.Equal("Fails", p.Outcome);
            Assert.Equal("SSPR_0009", p.PredictedError);
            Assert.True(p.IsAdmin);
            var finding = Assert.Single(p.Findings, f => f.ErrorCode == "SSPR_0009");
            Assert.Contains("GET /v1.0/policies/authorizationPolicy", finding.Evidence);
            Assert.Contains("Enable-SsprForAdmins", finding.Remediation);
        });
    }

    [Fact]
    public async Task With_the_switch_on_and_two_methods_admins_succeed()
    {
        var (host, session) = await ConnectAsync("healthy");
        await using var _ = host;
        using var __ = session;

        var stated = WritebackOn with { OnPremisesProtectedAdmins = OnPremisesProtectedAdmins.None };
        var predictions = await DiagnosisRun.Start(session, stated).PredictAdminsAsync(false, new RecordingLog(), CancellationToken.None);

        Assert.Equal(3, predictions.Count);
        Assert.All(predictions, p => Assert.Equal(("Succeeds", (string?)null), (p.Outcome, p.PredictedError)));
    }

    [Fact]
    public async Task Synchronized_admins_stay_unknown_until_protected_groups_are_stated()
    {
        var (host, session) = await ConnectAsync("healthy");
        await using var _ = host;
        using var __ = session;

        var predictions = await DiagnosisRun.Start(session, WritebackOn).PredictAdminsAsync(false, new RecordingLog(), CancellationToken.None);

        Assert.All(predictions.Where(p => p.IsSynced == true), p => Assert.Equal("Unknown", p.Outcome));
        Assert.Equal("Succeeds", predictions.Single(p => p.UserPrincipalName == Henry).Outcome);
    }

    [Fact]
    public async Task A_stated_admin_count_reaches_only_the_user_it_was_stated_for_with_its_parameter_evidence()
    {
        var (host, session) = await ConnectAsync("healthy");
        await using var _ = host;
        using var __ = session;
        var references = Users(Grace, Gina);
        var stated = new Dictionary<UserReference, int?> { [references[0]] = 1 };

        var results = await DiagnosisRun.Start(session, WritebackOn).PredictAsync(references, stated, new RecordingLog(), CancellationToken.None);

        var grace = results.Single(r => r.Input == references[0]).Prediction!;
        var gina = results.Single(r => r.Input == references[1]).Prediction!;
        Assert.Equal(("Fails", "SSPR_0029"), (grace.Outcome, grace.PredictedError));
        Assert.Contains("parameter -AdminCount", grace.Findings.Single(f => f.Code == "OnPremisesProtectedAccount").Evidence);
        Assert.Equal("Unknown", gina.Outcome);
    }

    [Fact]
    public async Task Admins_with_fewer_than_two_methods_fail_with_SSPR_0014()
    {
        var (host, session) = await ConnectAsync("unregistered");
        await using var _ = host;
        using var __ = session;

        var predictions = await DiagnosisRun.Start(session, WritebackOn).PredictAdminsAsync(false, new RecordingLog(), CancellationToken.None);

        Assert.Equal("SSPR_0014", predictions.Single(p => p.UserPrincipalName == Grace).PredictedError);
        Assert.Equal("SSPR_0014", predictions.Single(p => p.UserPrincipalName == Henry).PredictedError);
    }

    [Fact]
    public async Task Without_premium_licences_the_switch_still_decides_and_the_gap_is_a_finding()
    {
        var (host, session) = await ConnectAsync("nopremium");
        await using var _ = host;
        using var __ = session;

        var predictions = await DiagnosisRun.Start(session, WritebackOn).PredictAdminsAsync(false, new RecordingLog(), CancellationToken.None);

        Assert.NotEmpty(predictions);
        Assert.All(predictions, p => Assert.Equal("SSPR_0009", p.PredictedError));
        Assert.Contains(host.Journal.Entries, e => e.Path.StartsWith("/v1.0/reports/authenticationMethods/userRegistrationDetails", StringComparison.Ordinal) && e.Status == 403);
        // The report is unreadable without P1/P2, so administrators' methods are read one by one instead.
        Assert.Contains(host.Journal.Entries, e => e.Path.EndsWith("/authentication/methods", StringComparison.Ordinal) && e.Status == 200);
    }

    [Fact]
    public async Task A_synchronized_user_depends_on_the_stated_writeback()
    {
        var (host, session) = await ConnectAsync("healthy");
        await using var _ = host;
        using var __ = session;

        var unstated = (await DiagnosisRun.Start(session, new() { UserPolicyScope = SsprUserPolicyScope.All }).PredictAsync(Users(Alex), new RecordingLog(), CancellationToken.None)).Single().Prediction!;
        var disabled = (await DiagnosisRun.Start(session, new() { UserPolicyScope = SsprUserPolicyScope.All, PasswordWriteback = PasswordWritebackState.Disabled })
            .PredictAsync(Users(Alex), new RecordingLog(), CancellationToken.None)).Single().Prediction!;

        Assert.Equal("Unknown", unstated.Outcome);
        Assert.Contains(unstated.Findings, f => f.Remediation?.Contains("-PasswordWriteback") == true || f.Message.Contains("-PasswordWriteback"));
        Assert.Equal(("Fails", "SSPR_0010"), (disabled.Outcome, disabled.PredictedError));
    }

    [Fact]
    public async Task Unknown_users_are_per_input_errors_and_the_rest_are_predicted()
    {
        var (host, session) = await ConnectAsync("seed");
        await using var _ = host;
        using var __ = session;

        var results = await DiagnosisRun.Start(session, WritebackOn).PredictAsync(Users(Grace, "nobody@contoso.com", "66666666-6666-4666-8666-666666666666"), new RecordingLog(), CancellationToken.None);

        Assert.Equal(3, results.Count);
        Assert.Equal("SSPR_0009", results[0].Prediction!.PredictedError);
        Assert.Equal("UserNotFound", results[1].Error!.ErrorId);
        Assert.Equal("carla.cloud@contoso.com", results[2].Prediction!.UserPrincipalName);
    }

    [Fact]
    public async Task Quotes_in_a_user_principal_name_cannot_change_the_filter()
    {
        var (host, session) = await ConnectAsync("seed");
        await using var _ = host;
        using var __ = session;

        var results = await DiagnosisRun.Start(session, WritebackOn).PredictAsync(
            Users("$o'neil'or'x'eq'x@contoso.com"), new RecordingLog(), CancellationToken.None);

        Assert.Equal("UserNotFound", results.Single().Error!.ErrorId);
        var lookup = Assert.Single(host.Journal.Entries, e => e.Path == "/v1.0/users" && e.InBatch);
        Assert.Contains("userPrincipalName eq '$o''neil''or''x''eq''x@contoso.com'", Uri.UnescapeDataString(lookup.Query));
    }

    [Fact]
    public async Task An_Active_Directory_objectGUID_finds_the_synchronized_user()
    {
        var (host, session) = await ConnectAsync("seed");
        await using var _ = host;
        using var __ = session;
        var grace = (await DiagnosisRun.Start(session, WritebackOn).PredictAsync(Users(Grace), new RecordingLog(), CancellationToken.None)).Single().Prediction!;
        var anchor = host.Journal.Entries.Count; // the lookup below must go by onPremisesImmutableId
        var immutableId = SeedImmutableId(host, grace.UserId);

        var result = (await DiagnosisRun.Start(session, WritebackOn).PredictAsync(
            new[] { UserReference.FromObjectGuid(new Guid(Convert.FromBase64String(immutableId))) }, new RecordingLog(), CancellationToken.None)).Single();

        Assert.True(result.Prediction is not null, result.Error?.ToString() + " :: " + string.Join(" | ", host.Journal.Entries.Skip(anchor).Select(e => $"{e.Path}?{e.Query} {e.Status}")));
        Assert.Equal(Grace, result.Prediction!.UserPrincipalName);
        Assert.Contains(host.Journal.Entries.Skip(anchor), e => Uri.UnescapeDataString(e.Query).Contains("onPremisesImmutableId eq "));
    }

    [Fact]
    public async Task Tenant_wide_facts_are_read_once_per_run_across_chunks()
    {
        var (host, session) = await ConnectAsync("seed");
        await using var _ = host;
        using var __ = session;
        var run = DiagnosisRun.Start(session, WritebackOn);

        await run.PredictAsync(Users(Grace), new RecordingLog(), CancellationToken.None);
        await run.PredictAsync(Users(Henry, Alex), new RecordingLog(), CancellationToken.None);

        Assert.Equal(1, host.Journal.Entries.Count(e => e.Path == "/v1.0/roleManagement/directory/roleAssignments"));
        Assert.Equal(1, host.Journal.Entries.Count(e => e.Path == "/v1.0/policies/authorizationPolicy"));
        Assert.Equal(0, host.Journal.Writes);
    }

    [Fact]
    public async Task Piping_the_admin_list_gives_the_same_verdicts_as_all_admins()
    {
        var (host, session) = await ConnectAsync("seed");
        await using var _ = host;
        using var __ = session;
        var run = DiagnosisRun.Start(session, WritebackOn);

        var all = await run.PredictAdminsAsync(false, new RecordingLog(), CancellationToken.None);
        var admins = await run.GetAdminsAsync(false, null, new RecordingLog(), CancellationToken.None);
        var piped = await DiagnosisRun.Start(session, WritebackOn).PredictAsync(admins.Select(a => UserReference.TryParse(a.UserId)!).ToList(), new RecordingLog(), CancellationToken.None);

        Assert.Equal(
            all.OrderBy(p => p.UserId).Select(p => (p.UserId, p.Outcome, p.PredictedError)),
            piped.Select(r => r.Prediction!).OrderBy(p => p.UserId).Select(p => (p.UserId, p.Outcome, p.PredictedError)));
    }

    private static string SeedImmutableId(SimulatorHost host, string userId)
    {
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", host.DefaultToken);
        var json = client.GetStringAsync(new Uri(host.BaseUrl, $"v1.0/users/{userId}?$select=onPremisesImmutableId")).GetAwaiter().GetResult();
        return System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("onPremisesImmutableId").GetString()!;
    }
}
