using SsprTools.Engine.Diagnosis;
using SsprTools.Engine.Findings;
using SsprTools.Engine.Rules;
using SsprTools.Engine.Tests.Rules;
using SsprTools.Engine.Tests.Support;
using SsprTools.Model;

namespace SsprTools.Engine.Tests.Diagnosis;

/// <summary>What the role reads carry into the facts: the scope and built-in flag of each holding, and the role-assignable
/// groups whose members could not be read (scenarios tests/module/scenarios/admin-status*.json).</summary>
public class RoleSourceTests
{
    private static string ScenarioPath(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "module", "scenarios", name + ".json");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"Scenario {name} not found above {AppContext.BaseDirectory}");
    }

    private static async Task<ResetPrediction> PredictAsync(string scenario, string user)
    {
        await using var host = await SimulatedTenant.StartAsync(ScenarioPath(scenario));
        using var session = await SimulatedTenant.ConnectAsync(host);
        var results = await DiagnosisRun.Start(session, new()).PredictAsync([UserReference.TryParse(user)!], new RecordingLog(), CancellationToken.None);
        return results.Single().Prediction!;
    }

    [Fact]
    public async Task Unread_role_group_makes_a_known_holders_role_list_incomplete_and_is_named()
    {
        var prediction = await PredictAsync("admin-status-gaps", "rita.reader@contoso.com");

        Assert.Null(prediction.IsAdmin);
        var finding = Assert.Single(prediction.Findings, f => f.Code == FindingCode.AdminRoleListIncomplete);
        Assert.Matches(@"'Tier0 Admins' \(b0000002-0000-4000-8000-000000000001\) could not be read \(.*403.*Authorization_RequestDenied", finding.Evidence);
    }

    [Fact]
    public async Task Holdings_carry_their_administrative_unit_scope_and_built_in_flag()
    {
        await using var host = await SimulatedTenant.StartAsync(ScenarioPath("admin-status"));
        using var session = await SimulatedTenant.ConnectAsync(host);

        var admins = await DiagnosisRun.Start(session, new()).GetAdminsAsync(false, null, new RecordingLog(), CancellationToken.None);

        var aura = Assert.Single(Assert.Single(admins, a => a.UserPrincipalName == "aura.unit@contoso.com").Roles);
        Assert.Equal(("/administrativeUnits/ae000000-0000-4000-8000-0000000000a1", true), (aura.DirectoryScopeId, aura.IsBuiltIn));
        // A custom role is listed too (the administrator policy may cover it), carrying IsBuiltIn false.
        var carl = Assert.Single(Assert.Single(admins, a => a.UserPrincipalName == "carl.custom@contoso.com").Roles);
        Assert.Equal(("Contoso Password Reviewer", false), (carl.RoleName, carl.IsBuiltIn));
        Assert.DoesNotContain(admins, a => a.UserPrincipalName == "gwen.reader@contoso.com");
    }

    [Fact]
    public async Task Custom_role_is_read_as_not_built_in()
    {
        var prediction = await PredictAsync("admin-status", "carl.custom@contoso.com");

        Assert.Null(prediction.IsAdmin);
        Assert.Contains("Contoso Password Reviewer", Assert.Single(prediction.Findings, f => f.Code == FindingCode.CustomRoleNotAddressed).Message);
    }
}
