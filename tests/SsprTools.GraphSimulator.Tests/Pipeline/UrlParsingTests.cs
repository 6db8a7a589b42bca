using System.Net;
using System.Text.Json.Nodes;

namespace SsprTools.GraphSimulator.Tests.Pipeline;

/// <summary>
/// Request urls and $batch step urls are parsed the way Graph parses them (docs/simulator.md, "URL parsing"): a '#'
/// starts a fragment (RFC 3986 §3.5), segments are split on '/' and then percent-decoded once, '+' is a space only in
/// a query, a key beginning with '$' needs the key form users('…') (user-get.md), and ''-doubling applies inside it.
/// Every url is asked twice, as a top-level request and as a $batch step, and both answers must agree.
/// </summary>
public sealed class UrlParsingTests : IAsyncLifetime
{
    private const string B2bGuest = "partner_fabrikam.com#EXT#@contoso.com";
    private const string HashMember = "ops#7@contoso.com";
    private const string Dollar = "$dollar@contoso.com";
    private const string Plus = "plus+x@contoso.com";
    private const string Question = "what?x@contoso.com";

    // UPNs real tenants have (issue 13): each must be found when its key is percent-encoded.
    private static readonly string[] Upns =
    [
        B2bGuest, HashMember, "zoë@contoso.com", "o'neil@contoso.com", "caret^x@contoso.com", "tilde~x@contoso.com",
        "bang!x@contoso.com", "amp&x@contoso.com", Question, "pct%x@contoso.com", Plus, "ÅSA.ström@contoso.com",
    ];

    public static readonly TheoryData<string> SpecialUpns = new(Upns);

    private string _scenarioFile = "";
    private SimulatorTestHost _sim = null!;

    public async Task InitializeAsync()
    {
        var scenario = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Scenarios", "seed.json")))!;
        var users = scenario["users"]!.AsArray();
        foreach (var upn in Upns.Append(Dollar))
            users.Add(new JsonObject { ["userPrincipalName"] = upn });
        _scenarioFile = Path.Combine(Path.GetTempPath(), $"sim-urls-{Guid.NewGuid():N}.json");
        File.WriteAllText(_scenarioFile, scenario.ToJsonString());
        _sim = await SimulatorTestHost.StartAsync(_scenarioFile);
    }

    public async Task DisposeAsync()
    {
        await _sim.DisposeAsync();
        File.Delete(_scenarioFile);
    }

    // ---- 1. '#' starts a fragment -------------------------------------------------------------------------------

    [Theory]
    [InlineData(B2bGuest, "partner_fabrikam.com")]
    [InlineData(HashMember, "ops")]
    public async Task Batch_step_url_with_a_literal_hash_addresses_the_part_before_it(string upn, string before)
    {
        // The $batch step url is a string Graph parses itself: from the first '#' on it is a fragment (issue 13).
        var (status, body) = await StepAsync($"/users/{upn}");
        Assert.Equal(404, status);
        Assert.Equal("Request_ResourceNotFound", body["error"]!["code"]!.GetValue<string>());
        Assert.Equal($"Resource '{before}' does not exist or one of its queried reference-property objects are not present.",
            body["error"]!["message"]!.GetValue<string>());
        Assert.Contains(_sim.Host.Journal.Entries, e => e.InBatch && e.Path == $"/v1.0/users/{before}");
    }

    [Fact]
    public async Task Http_client_drops_a_literal_hash_so_the_top_level_request_misses_too()
    {
        using var response = await _sim.GetAsync($"/v1.0/users/{B2bGuest}");
        var body = await GraphAssert.ErrorAsync(response, HttpStatusCode.NotFound, "Request_ResourceNotFound");
        Assert.StartsWith("Resource 'partner_fabrikam.com' does not exist", body["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Hash_sent_as_percent_23_finds_the_b2b_guest_both_ways()
    {
        // user-get.md: "To query a B2B user using the userPrincipalName, encode the hash (#) character ... %23".
        var user = await FoundBothWaysAsync("/users/partner_fabrikam.com%23EXT%23@contoso.com");
        Assert.Equal(B2bGuest, user["userPrincipalName"]!.GetValue<string>());
    }

    // ---- 2. split on '/', then decode once; '+' ------------------------------------------------------------------

    [Fact]
    public async Task Encoded_slash_stays_inside_the_key()
    {
        await FoundBothWaysAsync($"/users/{Seed.GlobalAdminUpn}/memberOf");
        var error = await FailsBothWaysAsync($"/users/{Seed.GlobalAdminUpn}%2FmemberOf", 404, "Request_ResourceNotFound");
        Assert.StartsWith($"Resource '{Seed.GlobalAdminUpn}/memberOf' does not exist", error);
    }

    [Fact]
    public async Task Segments_are_decoded_exactly_once()
    {
        // %2523 is "%23" after one decoding: a literal percent sign, not a '#'.
        var error = await FailsBothWaysAsync("/users/partner_fabrikam.com%2523EXT%2523@contoso.com", 404, "Request_ResourceNotFound");
        Assert.StartsWith("Resource 'partner_fabrikam.com%23EXT%23@contoso.com' does not exist", error);
    }

    [Theory]
    [InlineData("/users/plus+x@contoso.com")] // RFC 3986: '+' is only a space in form-encoded queries
    [InlineData("/users/plus%2Bx@contoso.com")]
    [InlineData("/users('plus+x@contoso.com')")]
    public async Task Plus_in_a_path_is_a_plus(string url)
    {
        var user = await FoundBothWaysAsync(url);
        Assert.Equal(Plus, user["userPrincipalName"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("plus+x@contoso.com", 0)] // Graph reads '+' in a query as a space (msgraph-sdk-dotnet#2708)
    [InlineData("plus%2Bx@contoso.com", 1)]
    public async Task Plus_in_a_query_is_a_space_and_percent_2B_a_plus(string literal, int expected)
    {
        var list = await FoundBothWaysAsync($"/users?$filter=userPrincipalName eq '{literal}'");
        Assert.Equal(expected, list["value"]!.AsArray().Count);
    }

    [Fact]
    public async Task Raw_question_mark_starts_the_query()
    {
        var error = await FailsBothWaysAsync($"/users/{Question}", 404, "Request_ResourceNotFound");
        Assert.StartsWith("Resource 'what' does not exist", error);
        var user = await FoundBothWaysAsync("/users/what%3Fx@contoso.com");
        Assert.Equal(Question, user["userPrincipalName"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(SpecialUpns))]
    public async Task Every_real_upn_is_found_when_percent_encoded(string upn)
    {
        var user = await FoundBothWaysAsync($"/users/{Uri.EscapeDataString(upn)}");
        Assert.Equal(upn, user["userPrincipalName"]!.GetValue<string>());
        // Keys match case-insensitively, non-ASCII letters included.
        var upper = await FoundBothWaysAsync($"/users/{Uri.EscapeDataString(upn.ToUpperInvariant())}");
        Assert.Equal(user["id"]!.GetValue<string>(), upper["id"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(SpecialUpns))]
    public async Task Every_real_upn_is_found_in_the_key_form(string upn)
    {
        // OData string literal: a quote inside is doubled, then the whole is percent-encoded.
        var user = await FoundBothWaysAsync($"/users('{Uri.EscapeDataString(upn.Replace("'", "''"))}')");
        Assert.Equal(upn, user["userPrincipalName"]!.GetValue<string>());
    }

    // ---- 3. '$' keys and the key form ------------------------------------------------------------------------------

    [Theory]
    [InlineData("/users/$dollar@contoso.com")]
    [InlineData("/users/%24dollar@contoso.com")] // decoded first, so the SDK's encoded form fails too (msgraph-sdk-dotnet#2635)
    [InlineData("/users/$dollar@contoso.com/authentication/methods")]
    [InlineData("/users/$dollar@contoso.com/transitiveMemberOf")]
    public async Task Key_beginning_with_dollar_in_a_plain_segment_is_400(string url)
    {
        // user-get.md: "/users/$x@y.com fails with a 400 Bad Request error code".
        var error = await FailsBothWaysAsync(url, 400, "BadRequest");
        Assert.StartsWith("The request URI is not valid. Since the segment 'users' refers to a collection", error);
    }

    [Theory]
    [InlineData("/users('$dollar@contoso.com')")] // user-get.md: /users('$AdeleVance@contoso.com')
    [InlineData("/users('%24dollar%40contoso.com')")]
    [InlineData("/users(%27$dollar@contoso.com%27)")] // SQUOTE is "'" or "%27" (OData ABNF)
    public async Task Key_form_finds_a_upn_beginning_with_dollar(string url)
    {
        var user = await FoundBothWaysAsync(url);
        Assert.Equal(Dollar, user["userPrincipalName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Dollar_count_is_still_the_count_segment_but_a_quoted_dollar_count_is_a_key()
    {
        var count = await _sim.GetAsync("/v1.0/users/$count", headers: new Dictionary<string, string> { ["ConsistencyLevel"] = "eventual" });
        Assert.Equal(HttpStatusCode.OK, count.StatusCode);
        var error = await FailsBothWaysAsync("/users('$count')", 404, "Request_ResourceNotFound");
        Assert.StartsWith("Resource '$count' does not exist", error);
    }

    [Theory]
    [InlineData("/users('o''neil@contoso.com')")]
    [InlineData("/users('o%27%27neil@contoso.com')")]
    [InlineData("/users/o'neil@contoso.com")] // a plain segment is no literal: the quote is just a character
    [InlineData("/users/o%27neil@contoso.com")]
    public async Task Quote_is_doubled_inside_the_key_literal_only(string url)
    {
        var user = await FoundBothWaysAsync(url);
        Assert.Equal("o'neil@contoso.com", user["userPrincipalName"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/users('o'neil@contoso.com')")]
    [InlineData("/users('o%27neil@contoso.com')")]
    [InlineData("/users('unterminated@contoso.com)")]
    public async Task Lone_quote_inside_the_key_literal_is_400(string url)
    {
        var error = await FailsBothWaysAsync(url, 400, "BadRequest");
        Assert.StartsWith("Syntax error", error);
    }

    [Fact]
    public async Task Key_form_takes_an_id_or_a_upn_and_sub_resources_follow_it()
    {
        var byId = await FoundBothWaysAsync($"/users('{Seed.GlobalAdmin}')");
        var byUpn = await FoundBothWaysAsync($"/users('{Seed.GlobalAdminUpn}')");
        Assert.Equal(byId["id"]!.GetValue<string>(), byUpn["id"]!.GetValue<string>());

        var methods = await FoundBothWaysAsync($"/users('{Seed.GlobalAdminUpn}')/authentication/methods");
        Assert.NotEmpty(methods["value"]!.AsArray());
        var dollarMethods = await FoundBothWaysAsync($"/users('{Dollar}')/authentication/methods");
        Assert.Single(dollarMethods["value"]!.AsArray()); // the password method only
        var quoteMethods = await FoundBothWaysAsync("/users('o''neil@contoso.com')/authentication/methods");
        Assert.EndsWith("$metadata#users('o%27%27neil%40contoso.com')/authentication/methods", quoteMethods["@odata.context"]!.GetValue<string>());
        var roles = await FoundBothWaysAsync($"/users('{Seed.GroupAdminUpn}')/transitiveMemberOf/microsoft.graph.directoryRole");
        Assert.NotEmpty(roles["value"]!.AsArray());
    }

    [Fact]
    public async Task Every_user_key_route_shares_the_parser()
    {
        var plain = await FoundBothWaysAsync($"/reports/authenticationMethods/userRegistrationDetails/{Seed.GlobalAdmin}");
        var keyed = await FoundBothWaysAsync($"/reports/authenticationMethods/userRegistrationDetails('{Seed.GlobalAdmin}')");
        Assert.Equal(plain["id"]!.GetValue<string>(), keyed["id"]!.GetValue<string>());
        await FailsBothWaysAsync("/reports/authenticationMethods/userRegistrationDetails/$dollar@contoso.com", 400, "BadRequest");

        var members = await FoundBothWaysAsync($"/groups('{Seed.RoleGroup}')/members");
        Assert.Contains(members["value"]!.AsArray(), m => m!["id"]!.GetValue<string>() == Seed.GroupAdmin);
    }

    [Fact]
    public async Task Next_link_keeps_the_key_readable()
    {
        var first = await FoundBothWaysAsync($"/users('{Seed.GroupAdminUpn}')/transitiveMemberOf?$top=1");
        var next = first["@odata.nextLink"]!.GetValue<string>();
        var second = await _sim.GetJsonAsync(next);
        Assert.Single(second["value"]!.AsArray());
    }

    // ---- 4. batch step urls ----------------------------------------------------------------------------------------

    [Fact]
    public async Task Step_url_with_or_without_a_leading_slash_is_relative_to_the_version_root()
    {
        var (withSlash, _) = await StepAsync($"/users/{Seed.GlobalAdmin}");
        var (withoutSlash, _) = await StepAsync($"users/{Seed.GlobalAdmin}");
        Assert.Equal(200, withSlash);
        Assert.Equal(200, withoutSlash);
    }

    [Fact]
    public async Task Step_url_that_repeats_the_version_is_400()
    {
        // Observed: "Resource not found for the segment 'v1.0'." (msgraph-sdk-javascript#1178).
        var (status, body) = await StepAsync($"/v1.0/users/{Seed.GlobalAdmin}");
        Assert.Equal(400, status);
        Assert.Equal("Resource not found for the segment 'v1.0'.", body["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Absolute_step_url_fails_the_whole_batch()
    {
        // json-batching.md: url is "the relative resource URL"; observed answer: 400 "Invalid batch payload format."
        var json = new JsonObject
        {
            ["requests"] = new JsonArray(new JsonObject { ["id"] = "1", ["method"] = "GET", ["url"] = $"{_sim.Host.BaseUrl}v1.0/users/{Seed.GlobalAdmin}" }),
        }.ToJsonString();
        using var response = await _sim.PostJsonAsync("/v1.0/$batch", json);
        var body = await GraphAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "BadRequest");
        Assert.Equal("Invalid batch payload format.", body["error"]!["message"]!.GetValue<string>());
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /// <summary>The url as a top-level GET and as a $batch step: both 200 with the same body; returns it.</summary>
    private async Task<JsonObject> FoundBothWaysAsync(string url)
    {
        var topLevel = await _sim.GetJsonAsync("/v1.0" + url);
        var (status, step) = await StepAsync(url);
        Assert.True(status == 200, $"batch step {url} → {status}: {step.ToJsonString()}");
        Assert.Equal(Comparable(topLevel), Comparable(step));
        return topLevel;
    }

    /// <summary>The url as a top-level GET and as a $batch step: both fail with this status and code; returns the message.</summary>
    private async Task<string> FailsBothWaysAsync(string url, int status, string code)
    {
        using var response = await _sim.GetAsync("/v1.0" + url);
        var topLevel = await GraphAssert.ErrorAsync(response, (HttpStatusCode)status, code);
        var (stepStatus, step) = await StepAsync(url);
        Assert.True(stepStatus == status, $"batch step {url} → {stepStatus}: {step.ToJsonString()}");
        var message = topLevel["error"]!["message"]!.GetValue<string>();
        Assert.Equal(code, step["error"]!["code"]!.GetValue<string>());
        Assert.Equal(message, step["error"]!["message"]!.GetValue<string>());
        return message;
    }

    // Same path and query give the same @odata.context and @odata.nextLink, so the whole bodies compare.
    private static string Comparable(JsonObject body) => body.ToJsonString();

    private async Task<(int Status, JsonObject Body)> StepAsync(string url)
    {
        var json = new JsonObject
        {
            ["requests"] = new JsonArray(new JsonObject
            {
                ["id"] = "1",
                ["method"] = "GET",
                ["url"] = url,
            }),
        }.ToJsonString();
        using var response = await _sim.PostJsonAsync("/v1.0/$batch", json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"batch → {(int)response.StatusCode}: {text}");
        var step = JsonNode.Parse(text)!["responses"]![0]!.AsObject();
        return (step["status"]!.GetValue<int>(), step["body"]?.AsObject() ?? new JsonObject());
    }
}
