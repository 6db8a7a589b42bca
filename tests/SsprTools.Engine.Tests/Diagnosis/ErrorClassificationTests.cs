using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Graph.Models.ODataErrors;
using SsprTools.Engine.Connection;
using SsprTools.Engine.Diagnosis;
using SsprTools.Engine.Errors;
using SsprTools.Engine.Graph;
using SsprTools.Engine.Tests.Support;

namespace SsprTools.Engine.Tests.Diagnosis;

/// <summary>
/// Errors are told apart by Graph's error code, never by its message (graph-api.md §8: "Branch on code, never on
/// message"). Every Graph body here has a message that points the wrong way.
/// </summary>
public class ErrorClassificationTests
{
    private const string FirstUser = "a1000000-0000-4000-8000-000000000001";
    private const string SecondUser = "a1000000-0000-4000-8000-000000000002";

    /// <summary>Graph stood in by a function of (method, path and query, body).</summary>
    private sealed class StubGraph(Func<string, string, string?, (HttpStatusCode Status, string Body)> answer) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            var (status, text) = answer(request.Method.Method, Uri.UnescapeDataString(request.RequestUri!.PathAndQuery), body);
            return new HttpResponseMessage(status) { Content = new StringContent(text, Encoding.UTF8, "application/json") };
        }
    }

    private static Task<SsprSession> ConnectAsync(StubGraph graph) =>
        SsprSession.ConnectAsync(
            new ConnectionRequest
            {
                Method = SignInMethod.AccessToken,
                GraphEndpoint = new Uri("https://graph.microsoft.com"),
                AccessToken = TestTokens.Secure(TestTokens.Jwt(new { tid = "0f1e2d3c-0000-4000-8000-000000000001", exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(), scp = "Policy.Read.All" })),
                Transport = graph,
            },
            new RecordingLog(),
            CancellationToken.None);

    private static string Error(string code, string message) =>
        JsonSerializer.Serialize(new { error = new { code, message } });

    private const string Row = """{"id":"a1000000-0000-4000-8000-000000000002","userPrincipalName":"b@contoso.com","isAdmin":false,"isSsprRegistered":true,"isSsprEnabled":true,"isSsprCapable":true,"isMfaRegistered":true,"methodsRegistered":["mobilePhone"]}""";

    /// <summary>Answers each registration-details step of a $batch: the first user with the given error, the second with a row.</summary>
    private static StubGraph RegistrationBatch(int status, string code, string message) => new((method, target, body) =>
    {
        Assert.Equal("POST", method);
        Assert.EndsWith("/$batch", target);
        var steps = JsonDocument.Parse(body!).RootElement.GetProperty("requests").EnumerateArray().Select(step =>
        {
            var id = step.GetProperty("id").GetString();
            var first = step.GetProperty("url").GetString()!.Contains(FirstUser, StringComparison.Ordinal);
            return first
                ? $"{{\"id\":\"{id}\",\"status\":{status},\"headers\":{{\"Content-Type\":\"application/json\"}},\"body\":{Error(code, message)}}}"
                : $"{{\"id\":\"{id}\",\"status\":200,\"headers\":{{\"Content-Type\":\"application/json\"}},\"body\":{Row}}}";
        });
        return (HttpStatusCode.OK, $"{{\"responses\":[{string.Join(",", steps)}]}}");
    });

    private static async Task<IReadOnlyDictionary<string, Facts.Fact<Facts.RegistrationDetails>>> ReadRegistrationsAsync(StubGraph graph)
    {
        using var session = await ConnectAsync(graph);
        var reader = new GraphReader(session.Graph.ServiceRoot, session.Graph.Clock);
        var registrations = new RegistrationReader(session.Graph, reader, new GraphBatch(session.Graph.Client, session.Graph.Retry, session.Graph.Clock), new ReadPlanner(session.Graph, reader));
        return await registrations.ReadAsync(new[] { FirstUser, SecondUser }, mostlyAdmins: false, new RecordingLog(), CancellationToken.None);
    }

    [Fact]
    public async Task A_bad_request_whose_message_mentions_a_licence_leaves_only_that_user_unknown()
    {
        var rows = await ReadRegistrationsAsync(RegistrationBatch(400, "Request_BadRequest", "Invalid request: the license details of this user cannot be read."));

        Assert.False(rows[FirstUser].IsReadable);
        Assert.Contains("Request_BadRequest", rows[FirstUser].UnreadableReason);
        Assert.True(rows[SecondUser].IsReadable, rows[SecondUser].UnreadableReason);
    }

    [Fact]
    public async Task A_licence_error_code_whose_message_never_says_licence_makes_the_whole_report_unknown()
    {
        var rows = await ReadRegistrationsAsync(RegistrationBatch(400, "AadPremiumLicenseRequired", "The tenant has not onboarded to this feature."));

        Assert.False(rows[FirstUser].IsReadable);
        Assert.False(rows[SecondUser].IsReadable);
        Assert.Contains("AadPremiumLicenseRequired", rows[SecondUser].UnreadableReason);
    }

    [Fact]
    public async Task A_403_denied_whose_message_mentions_a_licence_is_a_missing_permission_for_every_user()
    {
        var rows = await ReadRegistrationsAsync(RegistrationBatch(403, "Authorization_RequestDenied", "Neither tenant is B2C or tenant doesn't have premium license"));

        Assert.False(rows[SecondUser].IsReadable);
        Assert.Contains("Authorization_RequestDenied", rows[SecondUser].UnreadableReason);
        Assert.Contains("AuditLog.Read.All", rows[SecondUser].UnreadableReason);
    }

    public static TheoryData<int, string, string, SsprErrorKind, string> UnreadableAssignments => new()
    {
        { 403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant", "Insufficient privileges to complete the operation.", SsprErrorKind.LicenseRequired, "PremiumLicenseRequired" },
        { 404, "Request_ResourceNotFound", "Insufficient privileges: permission RoleManagement.Read.Directory.", SsprErrorKind.NotFound, "GraphResourceNotFound" },
        { 403, "Authorization_RequestDenied", "Neither tenant is B2C or tenant doesn't have premium license", SsprErrorKind.PermissionDenied, "GraphPermissionDenied" },
    };

    [Theory]
    [MemberData(nameof(UnreadableAssignments))]
    public async Task Unreadable_role_assignments_keep_the_kind_and_ErrorId_of_Graphs_error(int status, string code, string message, SsprErrorKind kind, string errorId)
    {
        var graph = new StubGraph((_, target, _) => target.Contains("/roleAssignments", StringComparison.Ordinal)
            ? ((HttpStatusCode)status, Error(code, message))
            : (HttpStatusCode.OK, """{"value":[]}"""));
        using var session = await ConnectAsync(graph);

        var roles = await new RoleReader(session.Graph, new GraphReader(session.Graph.ServiceRoot, session.Graph.Clock)).ReadAsync(CancellationToken.None);

        var failure = Assert.IsType<SsprException>(roles.ActiveSource.Failure);
        Assert.Equal(kind, failure.Kind);
        Assert.Equal(errorId, failure.ErrorId);
        Assert.Equal(status, failure.GraphStatus);
        Assert.Equal(code, failure.GraphErrorCode);
    }

    [Theory]
    [InlineData(403, "Authorization_RequestDenied", "Neither tenant is B2C or tenant doesn't have premium license", SsprErrorKind.PermissionDenied)]
    [InlineData(403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant", "Insufficient privileges to complete the operation.", SsprErrorKind.LicenseRequired)]
    [InlineData(400, "Request_BadRequest", "AadPremiumLicenseRequired: licence needed", SsprErrorKind.GraphError)]
    public void The_translator_reads_the_code_not_the_message(int status, string code, string message, SsprErrorKind kind)
    {
        var error = new ODataError { ResponseStatusCode = status, Error = new MainError { Code = code, Message = message } };

        var translated = (SsprException)GraphErrorTranslator.Translate(error, GraphOperation.ReadRegistrationDetails, new Uri("https://graph.microsoft.com"));

        Assert.Equal(kind, translated.Kind);
    }
}
