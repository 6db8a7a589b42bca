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
using SsprTools.Engine.Policy;
using SsprTools.Model;

namespace SsprTools.Engine.Connection;

/// <summary>
/// A connection to one tenant's Microsoft Graph: the SDK client, what the token says about who we
/// are, and the services that use it. Created by Connect-SsprGraph, kept in <see cref="CurrentSession"/>.
/// </summary>
public sealed class SsprSession : IDisposable
{
    private int _disposed;

    private SsprSession(SsprConnection connection, Uri serviceRoot, GraphServiceClient client, HttpClient httpClient, GraphRetryPolicy retry, SignInCredential signIn, TimeProvider clock)
    {
        SignIn = signIn;
        Connection = connection;
        Retry = retry;
        Clock = clock;
        ServiceRoot = serviceRoot;
        Client = client;
        HttpClient = httpClient;
        AdminPolicy = new AdminPolicyService(this);
        UserNames = new Completion.UserNameCompleter((prefix, cancel) => Completion.GraphUserNames.FetchAsync(client, prefix, cancel), () => clock.GetUtcNow());
    }

    public SsprConnection Connection { get; }

    public AdminPolicyService AdminPolicy { get; }

    /// <summary>User principal names for tab completion, cached for this connection only.</summary>
    public Completion.UserNameCompleter UserNames { get; }

    internal Uri ServiceRoot { get; }

    internal GraphServiceClient Client { get; }

    /// <summary>The SDK's handler pipeline (resilience, reporting); requests sent on it directly still need authenticating.</summary>
    internal HttpClient HttpClient { get; }

    internal GraphRetryPolicy Retry { get; }

    /// <summary>The credential and the certificate it loaded; disposed with the session.</summary>
    internal SignInCredential SignIn { get; }

    /// <summary>True once disposed: after Disconnect-SsprGraph or a reconnect, when the last command using it has ended.</summary>
    internal bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>The clock of this connection (<see cref="ConnectionRequest.Clock"/>).</summary>
    internal TimeProvider Clock { get; }

    /// <summary>Starts a diagnosis that reads tenant-wide facts once and per-user data as needed.</summary>
    public Diagnosis.DiagnosisRun StartDiagnosis(Diagnosis.DiagnosisOptions options) => new(this, options);

    /// <summary>Starts a read of self-service reset attempts from the audit log.</summary>
    public Activity.ResetActivityRun StartActivityRead() => new(this);

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
        return new SsprSession(connection, serviceRoot, client, httpClient, request.Retry, signIn, request.Clock);
    }

    /// <summary>Closes the Graph client and disposes the credential and any certificate it loaded. Called once, by
    /// <see cref="CurrentSession"/>, when the session is replaced or disconnected and no command uses it any more.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Client.Dispose();
        HttpClient.Dispose();
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
