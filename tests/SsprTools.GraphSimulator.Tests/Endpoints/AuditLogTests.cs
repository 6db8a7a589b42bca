using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using static SsprTools.GraphSimulator.Tests.ActivityScenario;

namespace SsprTools.GraphSimulator.Tests.Endpoints;

/// <summary>GET /v1.0/auditLogs/directoryAudits against sspr-audit.md: shape, filters, paging, retention, permission, throttling.</summary>
public sealed class AuditLogTests
{
    private const string Audits = "/v1.0/auditLogs/directoryAudits";
    private const string Carla = "66666666-6666-4666-8666-666666666666";
    private const string Alex = "55555555-5555-4555-8555-555555555555";

    private static string Filter(string filter) => $"{Audits}?$filter={Uri.EscapeDataString(filter)}";

    private static string At(TimeSpan beforeNow) => (Now - beforeNow).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ");

    private static List<JsonObject> Values(JsonObject page) => page["value"]!.AsArray().Select(v => v!.AsObject()).ToList();

    private static async Task<List<JsonObject>> AllPagesAsync(SimulatorTestHost sim, string path)
    {
        var items = new List<JsonObject>();
        for (string? next = path; next is not null;)
        {
            var page = await sim.GetJsonAsync(next);
            items.AddRange(Values(page));
            next = page["@odata.nextLink"]?.GetValue<string>();
        }
        return items;
    }

    [Fact]
    public async Task A_record_has_the_documented_shape_field_by_field()
    {
        await using var sim = await StartAsync();
        var page = await sim.GetJsonAsync(Filter($"correlationId eq '{CarlaSucceeded}' and activityDisplayName eq 'Reset password (self-service)'"));
        Assert.EndsWith("/v1.0/$metadata#auditLogs/directoryAudits", page["@odata.context"]!.GetValue<string>());
        var record = Assert.Single(Values(page));

        // Property order of the reference's example (directoryaudit-list.md example 2).
        Assert.Equal(["id", "category", "correlationId", "result", "resultReason", "activityDisplayName", "activityDateTime",
            "loggedByService", "operationType", "initiatedBy", "targetResources", "additionalDetails"], record.Select(p => p.Key));
        Assert.StartsWith($"SSPR_{CarlaSucceeded}_", record["id"]!.GetValue<string>());
        Assert.Equal("UserManagement", record["category"]!.GetValue<string>());
        Assert.Equal(CarlaSucceeded, record["correlationId"]!.GetValue<string>());
        Assert.Equal("success", record["result"]!.GetValue<string>());
        Assert.Equal("Successfully completed reset.", record["resultReason"]!.GetValue<string>());
        Assert.Equal("Reset password (self-service)", record["activityDisplayName"]!.GetValue<string>());
        // Journey start 2 days 3 hours ago; five steps 15 s apart precede the closing event. Seven fractional digits, UTC 'Z'.
        Assert.Equal(At(TimeSpan.FromHours(51) - TimeSpan.FromSeconds(75)).Replace("Z", ".0000000Z"), record["activityDateTime"]!.GetValue<string>());
        Assert.Equal(Sspr, record["loggedByService"]!.GetValue<string>());
        Assert.Equal("Update", record["operationType"]!.GetValue<string>());

        var initiatedBy = record["initiatedBy"]!.AsObject();
        Assert.Null(initiatedBy["app"]);
        Assert.True(initiatedBy.ContainsKey("app"));
        var user = initiatedBy["user"]!.AsObject();
        Assert.Equal(["id", "displayName", "userPrincipalName", "ipAddress", "userType", "homeTenantId", "homeTenantName"], user.Select(p => p.Key));
        Assert.Equal(Carla, user["id"]!.GetValue<string>());
        Assert.Equal("carla.cloud@contoso.com", user["userPrincipalName"]!.GetValue<string>());
        Assert.StartsWith("203.0.113.", user["ipAddress"]!.GetValue<string>());

        var target = Assert.Single(record["targetResources"]!.AsArray())!.AsObject();
        Assert.Equal(["id", "displayName", "type", "userPrincipalName", "groupType", "modifiedProperties"], target.Select(p => p.Key));
        Assert.Equal((Carla, "User", "carla.cloud@contoso.com"), (target["id"]!.GetValue<string>(), target["type"]!.GetValue<string>(), target["userPrincipalName"]!.GetValue<string>()));
        Assert.Empty(target["modifiedProperties"]!.AsArray());
        Assert.Empty(record["additionalDetails"]!.AsArray());
    }

    [Fact]
    public async Task Journeys_of_each_outcome_hang_together_by_correlationId()
    {
        await using var sim = await StartAsync();
        var byJourney = (await AllPagesAsync(sim, Filter($"loggedByService eq '{Sspr}'")))
            .GroupBy(e => e["correlationId"]!.GetValue<string>())
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e["activityDateTime"]!.GetValue<string>()).ToList());

        static (string, string, string) Last(List<JsonObject> steps) =>
            (steps[^1]["activityDisplayName"]!.GetValue<string>(), steps[^1]["result"]!.GetValue<string>(), steps[^1]["resultReason"]!.GetValue<string>());

        Assert.Equal(6, byJourney[CarlaSucceeded].Count);
        Assert.Equal("User successfully reset password", byJourney[CarlaSucceeded][^2]["resultReason"]!.GetValue<string>());
        Assert.Equal(("Blocked from self-service password reset", "success", "User entered too many invalid SMS verification codes and is blocked for 24 hours"), Last(byJourney[AlexBlocked]));
        Assert.Equal(("Self-service password reset flow activity progress", "failure", "User's password is managed on-premises. You can enable Password Writeback to resolve this"), Last(byJourney[AlexFailed]));
        Assert.StartsWith("Password reset has been disabled entirely", Last(byJourney[GraceFailed]).Item3);
        // Abandoned: steps that all passed, and no closing event.
        Assert.Equal(["User submitted their user ID", "User was presented with verification options"], byJourney[PaulAbandoned].Select(e => e["resultReason"]!.GetValue<string>()));
        Assert.All(byJourney[PaulAbandoned], e => Assert.Equal("success", e["result"]!.GetValue<string>()));
        Assert.DoesNotContain(HenryTooOld, byJourney.Keys); // 40 days old: past retention

        // The admin reset is in the SSPR service but is no journey: actor the admin, target the user, OnPremisesAgent.
        var adminReset = byJourney.Values.Single(j => j[0]["activityDisplayName"]!.GetValue<string>() == "Reset password (by admin)").Single();
        Assert.Equal("henry.helpdesk@contoso.com", adminReset["initiatedBy"]!["user"]!["userPrincipalName"]!.GetValue<string>());
        Assert.Equal(Carla, adminReset["targetResources"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(("OnPremisesAgent", "None"), (adminReset["additionalDetails"]![0]!["key"]!.GetValue<string>(), adminReset["additionalDetails"]![0]!["value"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Noise_from_other_services_carries_its_own_shape()
    {
        await using var sim = await StartAsync();
        var policy = Assert.Single(Values(await sim.GetJsonAsync(Filter("activityDisplayName eq 'Update authorization policy'"))));
        Assert.Equal(("Core Directory", "AuthorizationPolicy"), (policy["loggedByService"]!.GetValue<string>(), policy["category"]!.GetValue<string>()));
        var change = policy["targetResources"]![0]!["modifiedProperties"]![0]!;
        Assert.Equal(("allowedToUseSSPR", "true", "false"), (change["displayName"]!.GetValue<string>(), change["oldValue"]!.GetValue<string>(), change["newValue"]!.GetValue<string>()));

        // The directory write of Carla's reset: an internal account without an object id, and its own correlationId.
        var write = Assert.Single(Values(await sim.GetJsonAsync(Filter("startswith(initiatedBy/user/userPrincipalName, 'fim_password_service')"))));
        Assert.False(write["initiatedBy"]!["user"]!.AsObject().ContainsKey("id"));
        Assert.NotEqual(CarlaSucceeded, write["correlationId"]!.GetValue<string>());

        var byApp = Assert.Single(Values(await sim.GetJsonAsync(Filter("initiatedBy/app/appId eq '14d82eec-204b-4c2f-b7e8-296a70dab67e'"))));
        Assert.Null(byApp["initiatedBy"]!["user"]);
        Assert.Equal("Microsoft Graph Command Line Tools", byApp["initiatedBy"]!["app"]!["displayName"]!.GetValue<string>());
    }

    public static TheoryData<string, int> DocumentedFilters => new()
    {
        { $"loggedByService eq '{Sspr}'", SsprKeptOnPremium },
        { "loggedByService eq 'Core Directory'", 3 },
        { "activityDisplayName eq 'Reset password (self-service)'", 1 },
        { "startswith(activityDisplayName, 'Reset password')", 3 }, // self-service, by admin, Core Directory's write
        { $"correlationId eq '{AlexFailed}'", 5 },
        { $"initiatedBy/user/id eq '{Alex}'", 9 },
        { "initiatedBy/user/displayName eq 'Grace Admin'", 3 }, // her journey and the policy change
        { "initiatedBy/user/userPrincipalName eq 'henry.helpdesk@contoso.com'", 1 },
        { "initiatedBy/app/displayName eq 'Microsoft Graph Command Line Tools'", 1 },
        { $"targetResources/any(t: t/id eq '{Carla}')", 9 }, // journey 6, admin reset, directory write, registration
        { "targetResources/any(t: t/displayName eq 'Authorization Policy')", 1 },
        { "targetResources/any(x: startswith(x/displayName, 'Alex'))", 10 },
        { "targetResources/any(tr: tr/type eq 'Policy')", 1 },
        { "targetResources/any(tr: tr/userPrincipalName eq 'paul.pim@contoso.com')", 2 },
        { "result eq 'failure'", 3 },
        { "category eq 'AuthorizationPolicy'", 1 },
        { $"activityDateTime ge {At(TimeSpan.FromDays(2))}", 2 }, // Grace's journey only
        { $"activityDateTime gt {At(TimeSpan.FromDays(1) + TimeSpan.FromHours(4))}", 1 }, // her first step is exactly at the bound
        { $"activityDateTime eq {At(TimeSpan.FromDays(1) + TimeSpan.FromHours(4))}", 1 },
        { $"activityDateTime le {At(TimeSpan.FromDays(15))}", 2 }, // Gina; Henry's older journey is not kept
        { $"activityDateTime ge {At(TimeSpan.FromDays(7))} and activityDateTime le {At(TimeSpan.FromDays(5))}", 5 }, // Alex blocked (4), the admin reset
        { $"ActivityDateTime ge {At(TimeSpan.FromDays(30))}", KeptOnPremium }, // names compare case-insensitively
        { $"loggedByService eq '{Sspr}' and targetResources/any(t: t/id eq '{Alex}')", 9 },
        { $"correlationId eq '{AlexFailed}' or correlationId eq '{AlexBlocked}'", 9 },
    };

    [Theory]
    [MemberData(nameof(DocumentedFilters))]
    public async Task Documented_filters_select_the_right_records(string filter, int expected)
    {
        await using var sim = await StartAsync();
        Assert.Equal(expected, Values(await sim.GetJsonAsync(Filter(filter))).Count);
    }

    [Theory]
    [InlineData("activityDateTime lt 2031-02-27T00:00:00Z")] // lt, ne, not, in, endswith: not documented (open question 4)
    [InlineData("result ne 'success'")]
    [InlineData("not(result eq 'success')")]
    [InlineData("loggedByService in ('Core Directory')")]
    [InlineData("endswith(activityDisplayName, 'admin)')")]
    [InlineData("startswith(loggedByService, 'Self')")]
    [InlineData("createdDateTime ge 2031-02-27T00:00:00Z")] // the old docs' typo (graph-docs-old#6101)
    [InlineData("targetResources/any(t: t/groupType eq 'x')")]
    [InlineData("targetResources/any(t: startswith(t/id, 'x'))")]
    [InlineData("activityDateTime le 2031-02-24")] // a date-only literal (our choice)
    [InlineData("loggedByService eq")] // syntax
    public async Task Undocumented_or_malformed_filters_are_400(string filter)
    {
        await using var sim = await StartAsync();
        using var response = await sim.GetAsync(Filter(filter));
        var body = await GraphAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "BadRequest");
        Assert.StartsWith("Invalid filter clause", body["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Paging_follows_nextLink_to_the_end_newest_first()
    {
        await using var sim = await StartAsync();
        var first = await sim.GetJsonAsync($"{Audits}?$top=5");
        Assert.Equal(5, Values(first).Count);
        Assert.Contains("$skiptoken=", first["@odata.nextLink"]!.GetValue<string>());
        var all = await AllPagesAsync(sim, $"{Audits}?$top=5");
        Assert.Equal(KeptOnPremium, all.Select(e => e["id"]!.GetValue<string>()).Distinct().Count());
        var times = all.Select(e => DateTimeOffset.Parse(e["activityDateTime"]!.GetValue<string>())).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times); // our default order (not documented)

        var ascending = (await AllPagesAsync(sim, $"{Audits}?$orderby=activityDateTime asc&$top=7")).Select(e => DateTimeOffset.Parse(e["activityDateTime"]!.GetValue<string>())).ToList();
        Assert.Equal(times.Order(), ascending);
    }

    [Fact]
    public async Task Page_size_defaults_to_1000_and_top_above_1000_is_400()
    {
        await using var sim = await StartAsync();
        var page = await sim.GetJsonAsync(Audits);
        Assert.Equal(KeptOnPremium, Values(page).Count);
        Assert.Null(page["@odata.nextLink"]);
        Assert.Equal(KeptOnPremium, Values(await sim.GetJsonAsync($"{Audits}?$top=1000")).Count);
        foreach (var top in new[] { "1001", "0" })
        {
            using var response = await sim.GetAsync($"{Audits}?$top={top}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        using var orderByOther = await sim.GetAsync($"{Audits}?$orderby=result");
        Assert.Equal(HttpStatusCode.BadRequest, orderByOther.StatusCode);
        using var count = await sim.GetAsync($"{Audits}?$count=true");
        Assert.Equal(HttpStatusCode.BadRequest, count.StatusCode);
    }

    [Fact]
    public async Task Page_sizes_are_configurable_per_scenario()
    {
        await using var sim = await StartAsync(s => { Settings(s, "defaultPageSize", 10); Settings(s, "maxPageSize", 20); });
        var page = await sim.GetJsonAsync(Audits);
        Assert.Equal(10, Values(page).Count);
        Assert.NotNull(page["@odata.nextLink"]);
        using var response = await sim.GetAsync($"{Audits}?$top=21");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Generated_audit_pages_through_thousands_of_records()
    {
        await using var sim = await SimulatorTestHost.StartAsync("large", o =>
        {
            o.Users = 300;
            o.Admins = 20;
            o.AuditEvents = 2_500;
            o.Clock = new FakeTimeProvider(Now);
        });
        var path = Filter($"loggedByService eq '{Sspr}'");
        var pages = 0;
        var ids = new HashSet<string>();
        for (string? next = path; next is not null; pages++)
        {
            var page = await sim.GetJsonAsync(next);
            ids.UnionWith(Values(page).Select(e => e["id"]!.GetValue<string>()));
            next = page["@odata.nextLink"]?.GetValue<string>();
        }
        Assert.Equal(2_500, ids.Count); // exactly the requested SSPR events, all within 30 days
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Retention_is_30_days_with_p1_or_p2_and_7_on_free()
    {
        await using (var premium = await StartAsync())
            Assert.Equal(KeptOnPremium, Values(await premium.GetJsonAsync(Audits)).Count);
        await using var free = await StartAsync(Free);
        var kept = Values(await free.GetJsonAsync(Audits));
        Assert.Equal(KeptOnFree, kept.Count);
        Assert.All(kept, e => Assert.True(DateTimeOffset.Parse(e["activityDateTime"]!.GetValue<string>()) >= Now.AddDays(-7)));
        Assert.DoesNotContain(kept, e => e["correlationId"]!.GetValue<string>() == GinaFailed);
    }

    [Fact]
    public async Task The_kept_window_moves_with_the_clock()
    {
        var clock = new FakeTimeProvider(Now);
        await using var sim = await StartAsync(clock: clock);
        var gina = Filter($"correlationId eq '{GinaFailed}'");
        Assert.Equal(2, Values(await sim.GetJsonAsync(gina)).Count);
        clock.Advance(TimeSpan.FromDays(11)); // Gina's journey is now 31 days old
        Assert.Empty(Values(await sim.GetJsonAsync(gina, sim.Host.IssueToken()))); // a fresh token: the default one has expired
    }

    [Fact]
    public async Task A_lower_bound_before_retention_is_the_observed_400()
    {
        await using var sim = await StartAsync();
        using var response = await sim.GetAsync(Filter($"activityDateTime ge {At(TimeSpan.FromDays(40))}"));
        var body = await GraphAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "UnknownError");
        // Midnight UTC of today − 31 days (msgraph-beta-sdk-dotnet#626).
        Assert.EndsWith("(Parameter 'Minimum allowed time for activityDateTime is 1/29/2031 12:00:00 AM')", body["error"]!["message"]!.GetValue<string>());
        Assert.Equal(KeptOnPremium, Values(await sim.GetJsonAsync(Filter($"activityDateTime ge {At(TimeSpan.FromDays(31))}"))).Count);

        await using var free = await StartAsync(Free);
        using var freeResponse = await free.GetAsync(Filter($"activityDateTime ge {At(TimeSpan.FromDays(10))}"));
        var freeBody = await GraphAssert.ErrorAsync(freeResponse, HttpStatusCode.BadRequest, "UnknownError");
        Assert.Contains("2/21/2031 12:00:00 AM", freeBody["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_retention_400_can_be_switched_off()
    {
        await using var sim = await StartAsync(s => Settings(s, "rejectStartBeforeRetention", false));
        Assert.Equal(KeptOnPremium, Values(await sim.GetJsonAsync(Filter($"activityDateTime ge {At(TimeSpan.FromDays(90))}"))).Count);
    }

    [Fact]
    public async Task Without_AuditLog_Read_All_the_answer_is_403_naming_it()
    {
        await using var sim = await StartAsync();
        using var response = await sim.GetAsync(Audits, sim.Host.IssueToken(roles: ["User.Read.All", "Directory.Read.All"]));
        var body = await GraphAssert.ErrorAsync(response, HttpStatusCode.Forbidden, "Authentication_MSGraphPermissionMissing");
        Assert.Equal("Calling principal does not have required MSGraph permissions AuditLog.Read.All", body["error"]!["message"]!.GetValue<string>());
        using var delegated = await sim.GetAsync(Audits, sim.Host.IssueToken(scopes: ["User.Read.All"]));
        await GraphAssert.ErrorAsync(delegated, HttpStatusCode.Forbidden, "Authentication_MSGraphPermissionMissing");

        Assert.Equal(KeptOnPremium, Values(await sim.GetJsonAsync(Audits, sim.Host.IssueToken(roles: ["AuditLog.Read.All"]))).Count);
    }

    [Fact]
    public async Task A_delegated_caller_needs_a_reading_role()
    {
        await using var sim = await StartAsync(s => s["signedInUser"] = "carla.cloud@contoso.com");
        using var response = await sim.GetAsync(Audits, sim.Host.IssueToken(scopes: ["AuditLog.Read.All"]));
        await GraphAssert.ErrorAsync(response, HttpStatusCode.Forbidden, "Authorization_RequestDenied");
        // App-only callers have no roles to check.
        Assert.Equal(KeptOnPremium, Values(await sim.GetJsonAsync(Audits, sim.Host.IssueToken(roles: ["AuditLog.Read.All"]))).Count);

        await using var lenient = await StartAsync(s => { s["signedInUser"] = "carla.cloud@contoso.com"; Settings(s, "requireDelegatedRole", false); });
        Assert.Equal(KeptOnPremium, Values(await lenient.GetJsonAsync(Audits, lenient.Host.IssueToken(scopes: ["AuditLog.Read.All"]))).Count);
    }

    [Fact]
    public async Task Directory_Read_All_can_be_required_as_the_stored_permissions_include_says()
    {
        await using var sim = await StartAsync(s => Settings(s, "requireDirectoryReadAll", true));
        using var response = await sim.GetAsync(Audits, sim.Host.IssueToken(roles: ["AuditLog.Read.All"]));
        var body = await GraphAssert.ErrorAsync(response, HttpStatusCode.Forbidden, "Authentication_MSGraphPermissionMissing");
        Assert.Contains("Directory.Read.All", body["error"]!["message"]!.GetValue<string>());
        Assert.NotEmpty(Values(await sim.GetJsonAsync(Audits, sim.Host.IssueToken(roles: ["AuditLog.Read.All", "Directory.Read.All"]))));
    }

    [Fact]
    public async Task Throttled_reads_are_429_with_Retry_After()
    {
        await using var sim = await StartAsync(configure: o => { o.Faults.ThrottleRate = 1; o.Faults.RetryAfterSeconds = 3; });
        using var response = await sim.GetAsync(Filter($"loggedByService eq '{Sspr}'"));
        await GraphAssert.ErrorAsync(response, (HttpStatusCode)429, "TooManyRequests");
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter!.Delta);
    }

    [Fact]
    public async Task One_record_by_id_while_it_is_kept()
    {
        await using var sim = await StartAsync();
        var listed = Values(await sim.GetJsonAsync(Filter($"correlationId eq '{PaulAbandoned}'")))[0];
        var id = listed["id"]!.GetValue<string>();
        var single = await sim.GetJsonAsync($"{Audits}/{id}");
        Assert.EndsWith("#auditLogs/directoryAudits/$entity", single["@odata.context"]!.GetValue<string>());
        Assert.Equal(listed.ToJsonString(), new JsonObject(single.Where(p => p.Key != "@odata.context").Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))).ToJsonString());
        Assert.Equal(id, Values(await sim.GetJsonAsync(Filter($"id eq '{id}'"))).Single()["id"]!.GetValue<string>());
        using var missing = await sim.GetAsync($"{Audits}/SSPR_{HenryTooOld}_X_1");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
