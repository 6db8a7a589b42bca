using System;
using System.Net;
using SsprTools.Engine.Errors;

namespace SsprTools.Engine.Connection;

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
            throw new SsprException(
                SsprErrorKind.InvalidArgument,
                "GraphEndpointInvalid",
                $"'{endpoint}' is not a Graph service root. Give an absolute https URI such as https://graph.microsoft.com.");
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

        var builder = new UriBuilder(endpoint.Scheme, endpoint.Host, endpoint.Port, path.Length == 0 ? "/" : path + "/");
        return builder.Uri;
    }

    public static bool IsLoopback(Uri uri)
    {
        if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address);
    }
}
