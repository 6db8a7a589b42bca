using System.Text.Json;
using System.Text.Json.Nodes;
using SsprTools.GraphSimulator.Auth;
using SsprTools.GraphSimulator.Faults;

namespace SsprTools.GraphSimulator.Pipeline;

/// <summary>
/// Runs one Graph request (top level or $batch step): route → authenticate → authorize → licence → injected fault →
/// handler, then stamps request ids and journals it.
/// </summary>
internal sealed class GraphPipeline
{
    // What Graph sends with a 401 (observed on graph.microsoft.com).
    private const string BearerChallenge =
        "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\"";

    private readonly SimulatorRuntime _runtime;

    public GraphPipeline(SimulatorRuntime runtime) => _runtime = runtime;

    public GraphResponse Execute(GraphRequest request, long sequence, FaultKind fault)
    {
        var requestId = Guid.NewGuid().ToString();
        var clientRequestId = request.Header("client-request-id") ?? requestId;
        Caller? caller = null;
        var implemented = true;
        GraphResponse response;
        try
        {
            var (route, values, pathKnown) = _runtime.Router.Match(request.Method, request.Version, request.RawPath);
            if (route is null)
            {
                implemented = pathKnown;
                throw pathKnown ? GraphError.MethodNotAllowed() : GraphError.NotSimulated(request.Method, $"/{request.Version}/{request.Path}");
            }
            var validation = _runtime.Tokens.Validate(request.Header("Authorization"));
            caller = validation.Caller ?? throw GraphError.Unauthenticated(validation.Error!);
            if (!route.Access.Allows(caller))
                throw route.Access.Denied?.Invoke() ?? GraphError.Forbidden();
            CheckLicence(route.Access.Licence);
            response = FaultResponses.ErrorFor(fault) is { } injected
                ? FaultResponses.Decorate(injected.ToResponse(requestId, clientRequestId, _runtime.Clock.GetUtcNow()), fault, _runtime.Faults)
                : route.Handler(new GraphCall(request, values, caller, _runtime.Tenant, _runtime, requestId));
        }
        catch (GraphError error)
        {
            response = error.ToResponse(requestId, clientRequestId, _runtime.Clock.GetUtcNow());
            if (error.Status == 401)
                response.WithHeader("WWW-Authenticate", BearerChallenge);
        }

        response.WithHeader("request-id", requestId).WithHeader("client-request-id", clientRequestId);
        _runtime.Journal.Add(Entry(request, sequence, response.Status, requestId, clientRequestId, implemented, caller));
        return response;
    }

    /// <summary>Journals a request whose connection was dropped by an injected fault (status 0).</summary>
    public void RecordDropped(GraphRequest request, long sequence) =>
        _runtime.Journal.Add(Entry(request, sequence, 0, Guid.NewGuid().ToString(), request.Header("client-request-id"), true, null));

    private void CheckLicence(LicenceRequirement licence)
    {
        if (licence == LicenceRequirement.PremiumP1 && !_runtime.Tenant.HasPremiumP1)
            throw GraphError.NoPremiumLicence();
        if (licence == LicenceRequirement.PremiumP2 && !_runtime.Tenant.HasPremiumP2)
            throw GraphError.NoP2Licence();
    }

    private JournalEntry Entry(GraphRequest request, long sequence, int status, string requestId, string? clientRequestId, bool implemented, Caller? caller)
    {
        var entry = new JournalEntry
        {
            Sequence = sequence,
            TimeUtc = _runtime.Clock.GetUtcNow(),
            Method = request.Method,
            Path = $"/{request.Version}/{request.Path}",
            Query = request.RawQuery,
            Status = status,
            InBatch = request.InBatch,
            BatchId = request.BatchId,
            StepId = request.StepId,
            RequestId = requestId,
            ClientRequestId = clientRequestId,
            Implemented = implemented,
            CallerType = caller?.Kind,
        };
        return entry.IsWrite && !string.IsNullOrEmpty(request.Body) ? entry with { Body = ParseBody(request.Body) } : entry;
    }

    private static JsonNode? ParseBody(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return JsonValue.Create(body);
        }
    }
}
