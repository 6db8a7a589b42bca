using System.Text.Json.Nodes;
using SsprTools.GraphSimulator.Auth;
using SsprTools.GraphSimulator.OData;
using SsprTools.GraphSimulator.Tenant;

namespace SsprTools.GraphSimulator.Pipeline;

/// <summary>Everything a handler needs to answer one Graph request.</summary>
internal sealed class GraphCall
{
    private ODataQuery? _query;

    public GraphCall(GraphRequest request, RouteValues values, Caller caller, TenantState tenant, SimulatorRuntime runtime, string requestId)
    {
        RequestId = requestId;
        Request = request;
        Values = values;
        Caller = caller;
        Tenant = tenant;
        Runtime = runtime;
    }

    public GraphRequest Request { get; }
    /// <summary>The request-id the pipeline assigned to this request.</summary>
    public string RequestId { get; }
    public RouteValues Values { get; }
    public Caller Caller { get; }
    public TenantState Tenant { get; }
    public SimulatorRuntime Runtime { get; }

    /// <summary>Parsed OData system query options ($select, $filter, $top, $count, $expand, $skiptoken).</summary>
    public ODataQuery Query => _query ??= ODataQuery.Parse(Request);

    public string this[string routeValue] => Values[routeValue];

    /// <summary>Absolute service root of this request's version, e.g. http://127.0.0.1:5000/v1.0.</summary>
    public string ServiceRoot => Request.ServiceRoot;

    /// <summary>"{root}/$metadata#{fragment}", the @odata.context Graph puts on every payload.</summary>
    public string Context(string fragment) => $"{ServiceRoot}/$metadata#{fragment}";

    /// <summary>The user named by a route value (id or userPrincipalName), or Graph's 404.</summary>
    public UserRecord User(string routeValue = "id") => Tenant.FindUser(Values[routeValue]) ?? throw GraphError.NotFound(Values[routeValue]);

    /// <summary>The group named by a route value, or Graph's 404.</summary>
    public GroupRecord Group(string routeValue = "id") => Tenant.FindGroup(Values[routeValue]) ?? throw GraphError.NotFound(Values[routeValue]);

    /// <summary>True when the caller sent $select (directory objects then show more than their default properties).</summary>
    public bool Selecting => Query.Select is not null;

    /// <summary>The request body as a JSON object; 400 when it is missing or not an object.</summary>
    public JsonObject JsonBody()
    {
        var contentType = Request.Header("Content-Type");
        if (contentType is null || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            throw GraphError.BadRequest("Content-Type header must be application/json.");
        try
        {
            return JsonNode.Parse(Request.Body ?? "") as JsonObject
                ?? throw GraphError.BadRequest("Invalid request body: a JSON object was expected.");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw GraphError.BadRequest($"Invalid JSON in request body: {e.Message}");
        }
    }
}
