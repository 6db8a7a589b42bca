using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Microsoft.Kiota.Abstractions.Authentication;

namespace SsprTools.Engine.Graph;

/// <summary>
/// Gives the token only to the connected Graph host (a nextLink or redirect to another host gets
/// none), and only over https or to loopback.
/// </summary>
internal sealed class HostBoundTokenProvider : IAccessTokenProvider
{
    private readonly TokenCredential _credential;
    private readonly string[] _scopes;
    private readonly Uri _serviceRoot;

    public HostBoundTokenProvider(TokenCredential credential, string[] scopes, Uri serviceRoot)
    {
        _credential = credential;
        _scopes = scopes;
        _serviceRoot = serviceRoot;
        AllowedHostsValidator = new AllowedHostsValidator(new[] { serviceRoot.Authority });
    }

    public AllowedHostsValidator AllowedHostsValidator { get; }

    public async Task<string> GetAuthorizationTokenAsync(
        Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        var sameHost = string.Equals(uri.Authority, _serviceRoot.Authority, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Scheme, _serviceRoot.Scheme, StringComparison.OrdinalIgnoreCase);
        if (!sameHost || (uri.Scheme != Uri.UriSchemeHttps && !GraphEndpointRule.IsLoopback(uri)))
        {
            return string.Empty;
        }

        var token = await _credential.GetTokenAsync(new TokenRequestContext(_scopes), cancellationToken).ConfigureAwait(false);
        return token.Token;
    }
}
