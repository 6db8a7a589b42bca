using System;
using System.Linq;
using System.Net.Http;
using Azure.Identity;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using SsprTools.Engine.Errors;

namespace SsprTools.Engine.Graph;

/// <summary>
/// Turns what the Graph SDK, HttpClient and Azure.Identity throw into one SsprException with a
/// stable ErrorId and a message that says what to do. Branches on Graph's error code, never on its message.
/// </summary>
internal static class GraphErrorTranslator
{
    public static Exception Translate(Exception error, GraphOperation operation, Uri serviceRoot)
    {
        switch (error)
        {
            case SsprException:
                return error;
            case OperationCanceledException:
                return new SsprException(SsprErrorKind.Cancelled, "OperationCancelled", $"Stopped before Graph answered the request to {operation.Description}.", error);
            case ODataError odata:
                return FromGraphError(odata.ResponseStatusCode, odata.Error?.Code, odata.Error?.Message, RequestId(odata), operation, error);
            case ApiException api:
                return FromGraphError(api.ResponseStatusCode, null, api.Message, null, operation, error);
            case AuthenticationFailedException or CredentialUnavailableException:
                return new SsprException(SsprErrorKind.AuthenticationFailed, "SignInFailed",
                    $"Could not get a token to {operation.Description}: {error.Message}", error)
                {
                    RecommendedAction = "Run Connect-SsprGraph again; check the tenant, app and credential.",
                };
            case System.Text.Json.JsonException:
                return new SsprException(SsprErrorKind.GraphError, "GraphResponseMalformed",
                    $"Graph's answer to the request to {operation.Description} was not complete JSON (cut off or malformed in transit).", error)
                {
                    RecommendedAction = "Run the command again; if it persists, check proxies between this machine and Graph.",
                };
            case HttpRequestException:
                return new SsprException(SsprErrorKind.ConnectionFailed, "GraphUnreachable",
                    $"Cannot reach Microsoft Graph at {serviceRoot} to {operation.Description}: {error.Message}", error)
                {
                    RecommendedAction = "Check the network and the -GraphEndpoint given to Connect-SsprGraph.",
                };
            default:
                return new SsprException(SsprErrorKind.GraphError, "GraphRequestFailed",
                    $"Could not {operation.Description}: {error.Message}", error);
        }
    }

    private static SsprException FromGraphError(int status, string? code, string? message, string? requestId, GraphOperation operation, Exception inner)
    {
        var detail = string.IsNullOrEmpty(code) ? message : $"{code}: {message}";
        var (kind, errorId, text, action) = (status, code) switch
        {
            (401, _) => (SsprErrorKind.AuthenticationFailed, "GraphUnauthorized",
                $"Graph rejected the access token when trying to {operation.Description} ({detail}).",
                "The token is missing, expired or not for Microsoft Graph: run Connect-SsprGraph again."),
            (403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant") => (SsprErrorKind.LicenseRequired, "PremiumLicenseRequired",
                $"The tenant has no Microsoft Entra ID P1 or P2 licence, which Graph requires to {operation.Description}.",
                "Findings that depend on this data are reported as unknown."),
            (400, "AadPremiumLicenseRequired") => (SsprErrorKind.LicenseRequired, "P2LicenseRequired",
                $"The tenant needs Microsoft Entra ID P2 or ID Governance to {operation.Description}.",
                "Privileged Identity Management data is reported as unknown."),
            (403, _) => (SsprErrorKind.PermissionDenied, "GraphPermissionDenied",
                $"Permission denied to {operation.Description} ({operation.Method} {operation.Path}). It needs the Graph permission {operation.Permission}{RoleClause(operation)}.",
                $"Grant {operation.Permission}{(operation.DelegatedRole is null ? string.Empty : $" (and for delegated sign-in assign {operation.DelegatedRole})")}, then Connect-SsprGraph again."),
            (404, _) => (SsprErrorKind.NotFound, "GraphResourceNotFound",
                $"Graph found nothing to {operation.Description} ({detail}).", (string?)null),
            (429, _) => (SsprErrorKind.Throttled, "GraphThrottled",
                $"Graph kept throttling the request to {operation.Description} after the retries allowed.",
                "Wait a few minutes and run the command again."),
            _ => (SsprErrorKind.GraphError, "GraphRequestFailed",
                $"Graph answered {status} when trying to {operation.Description} ({detail}).", (string?)null),
        };

        return new SsprException(kind, errorId, text, inner)
        {
            RecommendedAction = action,
            GraphStatus = status,
            GraphErrorCode = code,
            GraphRequestId = requestId,
        };
    }

    private static string RoleClause(GraphOperation operation) =>
        operation.DelegatedRole is null ? string.Empty : $"; with delegated sign-in the user also needs at least the {operation.DelegatedRole} role";

    private static string? RequestId(ODataError error)
    {
        if (error.Error?.InnerError?.RequestId is { Length: > 0 } id)
        {
            return id;
        }

        return error.ResponseHeaders.TryGetValue("request-id", out var values) ? values.FirstOrDefault() : null;
    }
}
