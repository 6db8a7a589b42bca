using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using System.Threading;
using System;
using Azure.Core;
using Microsoft.Graph;
using SsprTools.Engine.Auth;
using SsprTools.Engine.Logging;
using SsprTools.Engine.Errors;
using SsprTools.Engine.Graph;
using SsprTools.Engine.Logging;
using SsprTools.Model;

namespace SsprTools.Engine.Connection;

/// <summary>
/// A connection to one tenant's Microsoft Graph: the credential, the SDK client (<see cref="Graph"/>) and what the token
/// says about who we are, and their lifetime. Created by Connect-SsprGraph, kept in <see cref="CurrentSession"/>. Services
/// are not here: each takes <see cref="GraphAccess"/> (DiagnosisRun.Start, AdminPolicyService.For, ...).
/// </summary>
public sealed class SsprSession : IDisposable
{
    private int _disposed;

    private SsprSession(SsprConnection connection, GraphAccess graph, SignInCredential signIn)
    {
        SignIn = signIn;
        Connection = connection;
        Graph = graph;
    }

    public SsprConnection Connection { get; }

    /// <summary>The Graph client and what services need with it; services take this, never the session.</summary>
    public GraphAccess Graph { get; }

    /// <summary>The credential and the certificate it loaded; disposed with the session.</summary>
    internal SignInCredential SignIn { get; }

    /// <summary>True once disposed: after Disconnect-SsprGraph or a reconnect, when the last command using it has ended.</summary>
    internal bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    public static async Task<SsprSession> ConnectAsync(ConnectionRequest request, IActivityLog log, CancellationToken cancellationToken)
    {
        using var _ = AmbientLog.Use(log);
        var serviceRoot = GraphEndpointRule.Normalize(request.GraphEndpoint ?? request.Cloud.GraphRoot);
        var staticClaims = request.Method == SignInMethod.AccessToken && request.AccessToken is not null
            ? TokenClaims.Parse(SecureStringReader.Read(request.AccessToken))
            : TokenClaims.Empty;
        var signIn = CredentialFactory.Create(request, staticClaims);
        try
        {
            return await ConnectWithAsync(signIn, request, staticClaims, serviceRoot, log, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // A sign-in that failed leaves nothing open: the credential and a certificate loaded for it go now.
            signIn.Dispose();
            throw;
        }
    }

    private static async Task<SsprSession> ConnectWithAsync(
        SignInCredential signIn, ConnectionRequest request, TokenClaims staticClaims, Uri serviceRoot, IActivityLog log, CancellationToken cancellationToken)
    {
        var credential = signIn.Credential;
        var scopes = TokenScopes(request);

        var claims = request.Method == SignInMethod.AccessToken
            ? staticClaims
            : await AcquireClaimsAsync(credential, scopes, serviceRoot, log, cancellationToken).ConfigureAwait(false);
        RejectExpired(claims, request.Clock.GetUtcNow());
        var tenantId = ReconcileTenant(request.TenantId, claims.TenantId);

        var client = GraphClientBuilder.Build(serviceRoot, credential, scopes, request.Retry, request.Clock, out var httpClient, request.Transport);
        var connection = new SsprConnection
        {
            TenantId = tenantId,
            AuthType = request.Method.ToString(),
            TokenKind = claims.IsAppOnly || request.Method is SignInMethod.ManagedIdentity or SignInMethod.ClientSecret or SignInMethod.Certificate
                ? "AppOnly"
                : "Delegated",
            Account = claims.Account ?? claims.AppId,
            Environment = request.Cloud.Name,
            GraphEndpoint = serviceRoot.ToString().TrimEnd('/'),
            ApiVersion = GraphClientBuilder.ApiVersion,
            Scopes = claims.Scopes.Concat(claims.Roles).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
            TokenExpiresOn = claims.ExpiresOn,
            ConnectedAt = request.Clock.GetUtcNow(),
        };
        log.Verbose($"Connected to {connection.GraphEndpoint}/{connection.ApiVersion} for tenant {tenantId ?? "(unknown)"} with {connection.AuthType} ({connection.TokenKind}).");
        return new SsprSession(connection, new GraphAccess(client, httpClient, serviceRoot, request.Retry, request.Clock, connection), signIn);
    }

    /// <summary>Closes the Graph client and disposes the credential and any certificate it loaded. Called once, by
    /// <see cref="CurrentSession"/>, when the session is replaced or disconnected and no command uses it any more.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Graph.Client.Dispose();
        Graph.HttpClient.Dispose();
        SignIn.Dispose();
    }

    internal static string[] TokenScopes(ConnectionRequest request)
    {
        var resource = request.Cloud.GraphRoot.ToString().TrimEnd('/');
        if (request.Method is SignInMethod.Interactive or SignInMethod.DeviceCode)
        {
            var wanted = request.Scopes.Count > 0 ? request.Scopes : GraphPermissions.DefaultDelegatedScopes;
            return wanted.Select(scope => scope.Contains("://") ? scope : $"{resource}/{scope}").ToArray();
        }

        // App-only credentials get the permissions granted to the app: the '.default' scope.
        return new[] { $"{resource}/.default" };
    }

    private static async Task<TokenClaims> AcquireClaimsAsync(
        TokenCredential credential, string[] scopes, Uri serviceRoot, IActivityLog log, CancellationToken cancellationToken)
    {
        log.Verbose($"Signing in for {string.Join(", ", scopes)}.");
        try
        {
            var token = await credential.GetTokenAsync(new TokenRequestContext(scopes), cancellationToken).ConfigureAwait(false);
            return TokenClaims.Parse(token.Token);
        }
        catch (Exception e)
        {
            throw GraphErrorTranslator.Translate(e, new GraphOperation("sign in", "POST", "token endpoint", "-", "-"), serviceRoot);
        }
    }

    private static void RejectExpired(TokenClaims claims, DateTimeOffset now)
    {
        if (claims.ExpiresOn is { } expires && expires < now)
        {
            throw new SsprException(SsprErrorKind.AuthenticationFailed, "AccessTokenExpired",
                $"The access token expired at {expires:u}.")
            {
                RecommendedAction = "Get a new token and run Connect-SsprGraph again.",
            };
        }
    }

    private static string? ReconcileTenant(string? requested, string? fromToken)
    {
        if (!string.IsNullOrWhiteSpace(requested) && !string.IsNullOrEmpty(fromToken)
            && Guid.TryParse(requested, out var wanted) && Guid.TryParse(fromToken, out var actual) && wanted != actual)
        {
            throw new SsprException(SsprErrorKind.InvalidArgument, "TenantMismatch",
                $"The token is for tenant {actual}, not the requested tenant {wanted}.")
            {
                RecommendedAction = "Get a token for the tenant you want, or leave out -TenantId.",
            };
        }

        return string.IsNullOrEmpty(fromToken) ? requested : fromToken;
    }
}
