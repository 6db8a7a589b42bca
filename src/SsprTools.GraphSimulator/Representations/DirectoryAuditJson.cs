using System.Globalization;
using System.Text.Json.Nodes;
using SsprTools.GraphSimulator.Tenant;

namespace SsprTools.GraphSimulator.Representations;

/// <summary>
/// The directoryAudit resource (graph-docs resources/directoryaudit.md), properties in the order of the list page's
/// example 2: the unused half of initiatedBy is null, user identities carry userType/homeTenantId/homeTenantName.
/// </summary>
internal static class DirectoryAuditJson
{
    private static readonly RenderCache<AuditEvent> Cache = new(Render);

    public static JsonObject Full(AuditEvent e) => Cache.Get(e);

    /// <summary>activityDateTime with seven fractional digits, as the v1.0 example writes it ("2018-01-09T21:20:02.7215374Z").</summary>
    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    private static JsonObject Render(AuditEvent e) => new()
    {
        ["id"] = e.Id,
        ["category"] = e.Category,
        ["correlationId"] = e.CorrelationId,
        ["result"] = e.Result,
        ["resultReason"] = e.ResultReason,
        ["activityDisplayName"] = e.ActivityDisplayName,
        ["activityDateTime"] = Time(e.ActivityDateTime),
        ["loggedByService"] = e.LoggedByService,
        ["operationType"] = e.OperationType,
        ["initiatedBy"] = new JsonObject
        {
            ["app"] = e.InitiatedByApp is { } app ? App(app) : null,
            ["user"] = e.InitiatedByUser is { } user ? User(user) : null,
        },
        ["targetResources"] = new JsonArray(e.TargetResources.Select(t => (JsonNode)Target(t)).ToArray()),
        ["additionalDetails"] = new JsonArray(e.AdditionalDetails.Select(d => (JsonNode)new JsonObject { ["key"] = d.Key, ["value"] = d.Value }).ToArray()),
    };

    private static JsonObject App(AuditApp app) => new()
    {
        ["appId"] = app.AppId,
        ["displayName"] = app.DisplayName,
        ["servicePrincipalId"] = app.ServicePrincipalId,
        ["servicePrincipalName"] = app.ServicePrincipalName,
    };

    private static JsonObject User(AuditUser user)
    {
        var json = new JsonObject();
        // useridentity.md: without a unique identifier "the displayName is provided but the id property isn't included".
        if (user.Id is not null)
            json["id"] = user.Id;
        json["displayName"] = user.DisplayName;
        json["userPrincipalName"] = user.UserPrincipalName;
        json["ipAddress"] = user.IpAddress;
        json["userType"] = null;
        json["homeTenantId"] = null;
        json["homeTenantName"] = null;
        return json;
    }

    private static JsonObject Target(AuditTarget t) => new()
    {
        ["id"] = t.Id,
        ["displayName"] = t.DisplayName,
        ["type"] = t.Type,
        ["userPrincipalName"] = t.UserPrincipalName,
        ["groupType"] = null,
        ["modifiedProperties"] = new JsonArray(t.ModifiedProperties.Select(m => (JsonNode)new JsonObject
        {
            ["displayName"] = m.DisplayName,
            ["oldValue"] = m.OldValue,
            ["newValue"] = m.NewValue,
        }).ToArray()),
    };
}
