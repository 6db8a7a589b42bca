using System.Net;
using System.Text;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using SsprTools.Engine.Errors;
using SsprTools.Engine.Graph;
using SsprTools.Engine.Tests.Support;

namespace SsprTools.Engine.Tests.Graph;

/// <summary>GraphBatch's own $batch request: what it posts, how answers map back to the callers' keys, and a failed batch.</summary>
public class GraphBatchTests
{
    private const string Root = "https://graph.microsoft.com/v1.0";

    /// <summary>Answers every request with one canned response and keeps the bodies it was sent.</summary>
    private sealed class CannedGraph(HttpStatusCode status, string body, string contentType = "application/json") : HttpMessageHandler
    {
        public List<(string Target, string? Body)> Sent { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Sent.Add((request.RequestUri!.PathAndQuery, request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken)));
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        }
    }

    private static (GraphBatch Batch, GraphServiceClient Client) Batch(CannedGraph graph)
    {
        var client = new GraphServiceClient(new HttpClient(graph), new AnonymousAuthenticationProvider(), Root);
        // No step retries: these tests are about one round trip.
        return (new GraphBatch(client, GraphRetryPolicy.Default with { MaxThrottleRetries = 0 }, TimeProvider.System), client);
    }

    private static List<KeyValuePair<string, RequestInformation>> Lookups(GraphServiceClient client, params string[] upns) =>
        upns.Select(upn => new KeyValuePair<string, RequestInformation>(upn, client.Users[upn].ToGetRequestInformation())).ToList();

    [Fact]
    public async Task Posts_one_batch_with_encoded_step_urls_and_maps_each_answer_back_to_its_key()
    {
        // Graph may answer in any order (json-batching.md); one step is missing from the answer.
        var graph = new CannedGraph(HttpStatusCode.OK, """
            {"responses":[
              {"id":"2","status":404,"headers":{"Content-Type":"application/json"},"body":{"error":{"code":"Request_ResourceNotFound","message":"gone"}}},
              {"id":"1","status":200,"headers":{"Content-Type":"application/json"},"body":{"id":"b1000000-0000-4000-8000-000000000002"}}
            ]}
            """);
        var (batch, client) = Batch(graph);

        var answers = await batch.SendAsync(Lookups(client, RealNames.Guest, RealNames.Hash, RealNames.Plus), "users", CancellationToken.None);

        var (target, body) = Assert.Single(graph.Sent);
        Assert.Equal("/v1.0/$batch", target);
        Assert.Contains("\"url\":\"/users/partner_fabrikam.com%23EXT%23%40contoso.com\"", body);
        Assert.Contains("\"url\":\"/users/ops%237%40contoso.com\"", body);
        Assert.Contains("\"url\":\"/users/a%2Bb%40contoso.com\"", body);
        Assert.Equal(200, answers[RealNames.Guest].Status);
        Assert.Equal(404, answers[RealNames.Hash].Status);
        // A step Graph left out is treated like a transient failure, not as "not found".
        Assert.Equal(503, answers[RealNames.Plus].Status);
    }

    [Fact]
    public async Task A_refused_batch_throws_Graphs_error_so_it_is_translated_like_any_request()
    {
        var graph = new CannedGraph(HttpStatusCode.Forbidden, """{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation."}}""");
        var (batch, client) = Batch(graph);

        var error = await Assert.ThrowsAsync<ODataError>(() => batch.SendAsync(Lookups(client, RealNames.Guest), "users", CancellationToken.None));
        var translated = (SsprException)GraphErrorTranslator.Translate(error, GraphOperation.ReadUsers, new Uri(Root));

        Assert.Equal(403, error.ResponseStatusCode);
        Assert.Equal("Authorization_RequestDenied", error.Error?.Code);
        Assert.Equal(SsprErrorKind.PermissionDenied, translated.Kind);
    }

    [Fact]
    public async Task A_refused_batch_without_a_Graph_error_body_still_says_its_status()
    {
        var graph = new CannedGraph(HttpStatusCode.BadGateway, "<html>proxy error</html>", "text/html");
        var (batch, client) = Batch(graph);

        var error = await Assert.ThrowsAsync<ApiException>(() => batch.SendAsync(Lookups(client, RealNames.Guest), "users", CancellationToken.None));

        Assert.Equal(502, error.ResponseStatusCode);
    }
}
