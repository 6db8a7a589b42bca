using System.Text.Json.Nodes;

namespace SsprTools.GraphSimulator.Pipeline;

/// <summary>
/// A Graph error that handlers throw; the pipeline turns it into the documented error body
/// {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}} (concepts/errors.md).
/// </summary>
internal sealed class GraphError : Exception
{
    public GraphError(int status, string code, string message) : base(message)
    {
        Status = status;
        Code = code;
    }

    public int Status { get; }
    public string Code { get; }

    /// <param name="now">The simulator's clock (SimulatorRuntime.Clock) at the answer, for innerError.date.</param>
    public GraphResponse ToResponse(string requestId, string clientRequestId, DateTimeOffset now) => new()
    {
        Status = Status,
        Body = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = Code,
                ["message"] = Message,
                ["innerError"] = new JsonObject
                {
                    ["date"] = now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                    ["request-id"] = requestId,
                    ["client-request-id"] = clientRequestId,
                },
            },
        },
    };

    // Codes and messages below are the ones Graph's directory services use (graph-api.md §1, §3, §7, §8).
    public static GraphError Unauthenticated(string message) => new(401, "InvalidAuthenticationToken", message);
    public static GraphError Forbidden() => new(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
    public static GraphError BadRequest(string message) => new(400, "Request_BadRequest", message);
    public static GraphError UnsupportedQuery(string message) => new(400, "Request_UnsupportedQuery", message);
    public static GraphError NotFound(string id) =>
        new(404, "Request_ResourceNotFound", $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");
    public static GraphError MethodNotAllowed() => new(405, "Request_BadRequest", "Specified HTTP method is not allowed for the request target.");
    public static GraphError NotSimulated(string method, string path) =>
        new(501, "NotImplemented", $"The Graph simulator does not simulate {method} '{path}'.");
    public static GraphError NoPremiumLicence() =>
        new(403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant", "Neither tenant is B2C or tenant doesn't have premium license");
    // Observed for audit and report reads without the permission (sspr-audit.md §6.5).
    public static GraphError AuditPermissionMissing(string permission) =>
        new(403, "Authentication_MSGraphPermissionMissing", $"Calling principal does not have required MSGraph permissions {permission}");
    public static GraphError NoP2Licence() =>
        new(400, "AadPremiumLicenseRequired", "The tenant needs to have Microsoft Entra ID P2 or Microsoft Entra ID Governance license.");
}
