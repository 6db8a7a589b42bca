using System.Text.Json.Nodes;
using SsprTools.GraphSimulator.Tenant;

namespace SsprTools.GraphSimulator.Tests.Tenant;

/// <summary>A scenario's "registration" overrides model a report that lags the live methods (the report "may reflect a
/// latency of up to 36 hours", howto-authentication-methods-activity.md) and a row that leaves a flag out (null).</summary>
public sealed class RegistrationOverrideTests
{
    private const string Report = "/v1.0/reports/authenticationMethods/userRegistrationDetails";
    private const string StaleId = "5a1e0001-0000-4000-8000-000000000001";
    private const string NullId = "5a1e0001-0000-4000-8000-000000000003";

    private static readonly string Scenario = """
        {
          "name": "stale-report-contract",
          "tenantId": "5a1e0000-7e5d-4c3b-9a2f-13a7e0c0ffee",
          "subscriptions": [{ "skuPartNumber": "AAD_PREMIUM", "prepaidUnits": 5 }],
          "users": [
            {
              "id": "5a1e0001-0000-4000-8000-000000000001", "userPrincipalName": "stella.stale@contoso.com",
              "methods": [
                { "type": "phone", "phoneType": "mobile" },
                { "type": "microsoftAuthenticator", "createdDateTime": "2025-01-06T09:40:00Z" }
              ],
              "registration": { "methodsRegistered": ["mobilePhone"], "isSsprRegistered": false, "lastUpdatedDateTime": "2025-01-06T07:00:00Z" }
            },
            {
              "id": "5a1e0001-0000-4000-8000-000000000003", "userPrincipalName": "nora.nullflag@contoso.com",
              "methods": [{ "type": "email" }],
              "registration": { "isSsprRegistered": null }
            }
          ],
          "roles": [{ "role": "Helpdesk Administrator", "principal": "stella.stale@contoso.com", "assignment": "active" }]
        }
        """;

    private static async Task<SimulatorTestHost> StartAsync(string json)
    {
        var file = Path.Combine(Path.GetTempPath(), $"sspr-registration-{Guid.NewGuid():n}.json");
        await File.WriteAllTextAsync(file, json);
        try
        {
            return await SimulatorTestHost.StartAsync(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Overrides_make_the_report_row_stale_while_the_live_methods_have_moved_on()
    {
        await using var sim = await StartAsync(Scenario);

        var row = await sim.GetJsonAsync($"{Report}/{StaleId}");
        var methods = await sim.GetJsonAsync($"/v1.0/users/{StaleId}/authentication/methods");

        Assert.Equal(["mobilePhone"], row["methodsRegistered"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.False(row["isSsprRegistered"]!.GetValue<bool>());
        Assert.Equal("2025-01-06T07:00:00Z", row["lastUpdatedDateTime"]!.GetValue<string>());
        Assert.True(row["isAdmin"]!.GetValue<bool>()); // not overridden: still computed
        var authenticator = Assert.Single(methods["value"]!.AsArray(), m => m!["@odata.type"]!.GetValue<string>() == "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod");
        Assert.Equal("2025-01-06T09:40:00Z", authenticator!["createdDateTime"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_list_and_its_filter_serve_the_overridden_row()
    {
        await using var sim = await StartAsync(Scenario);

        var notRegistered = await sim.GetJsonAsync($"{Report}?$filter={Uri.EscapeDataString("isSsprRegistered eq false")}");

        Assert.Equal([StaleId], notRegistered["value"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_null_override_leaves_the_flag_out_as_json_null()
    {
        await using var sim = await StartAsync(Scenario);

        var row = await sim.GetJsonAsync($"{Report}/{NullId}");

        Assert.True(row.ContainsKey("isSsprRegistered"));
        Assert.Null(row["isSsprRegistered"]);
        Assert.True(row["isSsprEnabled"]!.GetValue<bool>());
        var matching = await sim.GetJsonAsync($"{Report}?$filter={Uri.EscapeDataString("isSsprRegistered eq true")}");
        Assert.DoesNotContain(matching["value"]!.AsArray(), r => r!["id"]!.GetValue<string>() == NullId);
    }

    [Theory]
    [InlineData("\"isSsprRegisterd\": false", "not an overridable userRegistrationDetails property")]
    [InlineData("\"id\": \"x\"", "not an overridable userRegistrationDetails property")]
    [InlineData("\"isSsprRegistered\": \"no\"", "registration.isSsprRegistered must be true, false or null")]
    [InlineData("\"methodsRegistered\": \"email\"", "registration.methodsRegistered must be an array of strings or null")]
    [InlineData("\"lastUpdatedDateTime\": \"yesterday\"", "registration.lastUpdatedDateTime must be an ISO 8601 date and time or null")]
    public async Task A_misspelt_or_mistyped_override_fails_the_scenario(string property, string message)
    {
        var json = Scenario.Replace("\"registration\": { \"isSsprRegistered\": null }", "\"registration\": { " + property + " }");
        Assert.NotEqual(Scenario, json);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(json));

        var scenario = error as ScenarioException ?? error.InnerException as ScenarioException;
        Assert.NotNull(scenario);
        Assert.Contains("nora.nullflag@contoso.com", scenario!.Message);
        Assert.Contains(message, scenario.Message);
    }
}
