using System;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;

namespace SsprTools.Engine.Auth;

/// <summary>
/// A credential for a token the user already has (Connect-SsprGraph -AccessToken). It cannot
/// refresh; when the token expires Graph answers 401 and the error says to connect again.
/// Disposed with its session, which wipes the copy of the token.
/// </summary>
internal sealed class StaticAccessTokenCredential : TokenCredential, IDisposable
{
    private readonly SecureString _token;
    private readonly DateTimeOffset _expiresOn;

    public StaticAccessTokenCredential(SecureString token, DateTimeOffset? expiresOn)
    {
        _token = token.Copy();
        _token.MakeReadOnly();
        _expiresOn = expiresOn ?? DateTimeOffset.UtcNow.AddHours(1);
    }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(SecureStringReader.Read(_token), _expiresOn);

    public void Dispose() => _token.Dispose();

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(GetToken(requestContext, cancellationToken));
}
