using System.Text.Json;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using SsprTools.Engine.Diagnosis;
using SsprTools.Engine.Graph;
using SsprTools.Engine.Tests.Support;

namespace SsprTools.Engine.Tests.Graph;

/// <summary>Step urls of $batch requests, read back as Graph reads a URL: every key and query value arrives whole.</summary>
public class BatchStepUrlTests
{
    private const string Root = "https://graph.microsoft.com/v1.0";
    private static readonly string[] Select = ["id", "userPrincipalName"];

    private static GraphServiceClient Client(string root = Root) => new(new HttpClient(), new AnonymousAuthenticationProvider(), root);

    private static IEnumerable<string> Upns() => UpnGenerator.RealShaped.Concat(UpnGenerator.Generate(seed: 13, count: 1500));

    [Fact]
    public async Task Every_user_key_is_one_path_segment_that_decodes_to_exactly_the_key()
    {
        var client = Client();
        foreach (var upn in Upns())
        {
            var lookup = await BatchStepUrl.ForAsync(client.Users[upn].ToGetRequestInformation(r => r.QueryParameters.Select = Select), Root);
            var methods = await BatchStepUrl.ForAsync(client.Users[upn].Authentication.Methods.ToGetRequestInformation(), Root);
            var row = await BatchStepUrl.ForAsync(client.Reports.AuthenticationMethods.UserRegistrationDetails[upn].ToGetRequestInformation(), Root);

            Assert.Equal(upn, WireUrl.SegmentAfter(lookup, "users"));
            Assert.Equal("id,userPrincipalName", WireUrl.Option(lookup, "$select"));
            Assert.Equal(upn, WireUrl.SegmentAfter(methods, "users"));
            Assert.EndsWith("/authentication/methods", WireUrl.Path(methods));
            Assert.Equal(upn, WireUrl.SegmentAfter(row, "userRegistrationDetails"));
            Assert.StartsWith("/users/", lookup);
        }
    }

    [Fact]
    public async Task A_filter_on_a_UPN_reads_back_as_one_OData_literal_holding_exactly_the_UPN()
    {
        var client = Client();
        foreach (var upn in Upns())
        {
            var request = client.Users.ToGetRequestInformation(r =>
            {
                r.QueryParameters.Filter = $"userPrincipalName eq {ODataLiteral.Quote(upn)}";
                r.QueryParameters.Select = Select;
            });

            var url = await BatchStepUrl.ForAsync(request, Root);

            Assert.Equal("/users", WireUrl.Path(url));
            var filter = WireUrl.Option(url, "$filter")!;
            Assert.StartsWith("userPrincipalName eq ", filter);
            Assert.Equal(upn, WireUrl.LiteralValue(filter["userPrincipalName eq ".Length..]));
            Assert.Equal("id,userPrincipalName", WireUrl.Option(url, "$select"));
        }
    }

    [Fact]
    public async Task Query_option_names_are_written_as_a_request_of_its_own_sends_them_and_values_stay_encoded()
    {
        var request = Client().Users.ToGetRequestInformation(r =>
        {
            r.QueryParameters.Filter = $"userPrincipalName eq {ODataLiteral.Quote(RealNames.Dollar)}";
            r.QueryParameters.Select = Select;
        });

        var url = await BatchStepUrl.ForAsync(request, Root);

        // Kiota's templates say %24filter; its ParametersNameDecodingHandler sends $filter, and so does the step.
        Assert.Equal("/users?$filter=userPrincipalName%20eq%20%27%24svc.admin%40contoso.com%27&$select=id,userPrincipalName", url);
    }

    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0")]
    [InlineData("https://graph.microsoft.com/v1.0/")]
    [InlineData("http://127.0.0.1:5123/v1.0")]
    [InlineData("https://proxy.example/graph/beta")]
    public async Task The_url_is_relative_to_the_version_root_whatever_the_root_looks_like(string root)
    {
        var url = await BatchStepUrl.ForAsync(Client(root).Users[RealNames.Guest].ToGetRequestInformation(), root);

        Assert.Equal("/users/partner_fabrikam.com%23EXT%23%40contoso.com", url);
    }

    [Fact]
    public async Task A_request_outside_the_version_root_is_refused_not_cut_at_a_guess()
    {
        var request = Client("https://graph.microsoft.com/beta").Users[RealNames.Hash].ToGetRequestInformation();

        await Assert.ThrowsAsync<ArgumentException>(() => BatchStepUrl.ForAsync(request, Root));
    }

    [Fact]
    public async Task The_body_has_one_GET_step_per_request_with_its_encoded_url_and_headers()
    {
        var client = Client();
        var steps = new List<KeyValuePair<string, RequestInformation>>
        {
            new("1", client.Users[RealNames.Guest].ToGetRequestInformation()),
            new("2", client.Users.Count.ToGetRequestInformation(r => r.Headers.Add("ConsistencyLevel", "eventual"))),
        };

        using var body = await BatchRequestBody.WriteAsync(steps, Root);
        var requests = JsonDocument.Parse(body).RootElement.GetProperty("requests").EnumerateArray().ToList();

        Assert.Equal(["1", "2"], requests.Select(r => r.GetProperty("id").GetString()));
        Assert.All(requests, r => Assert.Equal("GET", r.GetProperty("method").GetString()));
        Assert.Equal("/users/partner_fabrikam.com%23EXT%23%40contoso.com", requests[0].GetProperty("url").GetString());
        Assert.Equal("eventual", requests[1].GetProperty("headers").GetProperty("ConsistencyLevel").GetString());
    }
}
