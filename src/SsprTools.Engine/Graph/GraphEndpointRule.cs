using System;
using System.Net;
using SsprTools.Engine.Errors;

namespace SsprTools.Engine.Graph;

/// <summary>
/// Decides which Graph service roots we send tokens to: https anywhere, plain http only to this
/// machine (the simulator). A token sent over http to another host could be read on the wire.
/// </summary>
public static class GraphEndpointRule
{
    public static Uri Normalize(Uri endpoint)
    {
        if (endpoint is null)
        {
            throw new ArgumentNullException(nameof(endpoint));
        }

        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
        {
            throw Invalid(endpoint, "is not a Graph service root");
        }

        // A user-info part would be sent to the host as credentials; it is never echoed (Redact).
        if (endpoint.UserInfo.Length > 0)
        {
            throw Invalid(endpoint, "carries a user name or password; Graph takes a bearer token, never credentials in the URI");
        }

        // The service root is scheme, host and port (graph-api.md: https://graph.microsoft.com/{version}/{resource});
        // the module adds the version and the resource, so a query or fragment would be lost or misread.
        if (endpoint.Query.Length > 0 || endpoint.Fragment.Length > 0)
        {
            throw Invalid(endpoint, "has a query or fragment; a Graph service root has neither");
        }

        if (endpoint.Scheme == Uri.UriSchemeHttp && !IsLoopback(endpoint))
        {
            throw new SsprException(
                SsprErrorKind.InvalidArgument,
                "GraphEndpointInsecure",
                $"Refusing to send an access token over plain http to '{endpoint.Host}'. Use https; http is accepted only for loopback addresses (127.0.0.1, ::1, localhost).")
            {
                RecommendedAction = "Use an https:// Graph endpoint.",
            };
        }

        // The module appends /v1.0 or /beta itself; accept a root that already names a version.
        var path = endpoint.AbsolutePath.TrimEnd('/');
        foreach (var version in new[] { "/v1.0", "/beta" })
        {
            if (path.EndsWith(version, StringComparison.OrdinalIgnoreCase))
            {
                path = path.Substring(0, path.Length - version.Length);
            }
        }

        if (path.Length > 0)
        {
            throw Invalid(endpoint, $"has the path '{path}'; a Graph service root has none but an optional /v1.0 or /beta");
        }

        var builder = new UriBuilder(endpoint.Scheme, endpoint.Host, endpoint.Port, "/");
        return builder.Uri;
    }

    /// <summary>The endpoint as it may be shown: any user-info part (user:password@) replaced.</summary>
    public static string Redact(Uri endpoint)
    {
        if (endpoint is null || !endpoint.IsAbsoluteUri || endpoint.UserInfo.Length == 0)
        {
            return endpoint?.OriginalString ?? "";
        }

        return endpoint.Scheme + "://***@" + endpoint.GetComponents(UriComponents.HostAndPort | UriComponents.PathAndQuery | UriComponents.Fragment, UriFormat.UriEscaped);
    }

    private static SsprException Invalid(Uri endpoint, string problem) => new(
        SsprErrorKind.InvalidArgument,
        "GraphEndpointInvalid",
        $"'{Redact(endpoint)}' {problem}. Give the service root, such as https://graph.microsoft.com.")
    {
        RecommendedAction = "Give -GraphEndpoint as scheme, host and optional port, such as https://graph.microsoft.com.",
    };

    public static bool IsLoopback(Uri uri)
    {
        if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address);
    }
}
