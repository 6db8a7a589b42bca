using System.Security.Cryptography.X509Certificates;
using System;
using Azure.Core;
using Azure.Identity;
using SsprTools.Engine.Auth;
using SsprTools.Engine.Connection;
using SsprTools.Engine.Errors;
using SsprTools.Engine.Logging;

namespace SsprTools.Engine.Connection;

/// <summary>
/// Builds the Azure.Identity credential for each sign-in method. All OAuth is Azure.Identity's;
/// we only choose the credential and its options.
/// </summary>
internal static class CredentialFactory
{
    // "Microsoft Graph Command Line Tools": Microsoft's multi-tenant public client that Graph
    // PowerShell uses for interactive and device-code sign-in. -ClientId overrides it.
    internal const string DefaultPublicClientId = "14d82eec-204b-4c2f-b7e8-296a70dab67e";

    public static SignInCredential Create(ConnectionRequest request, TokenClaims staticTokenClaims)
    {
        if (request.Method == SignInMethod.Certificate)
        {
            var tenantId = Required(request.TenantId, "TenantId");
            var clientId = Required(request.ClientId, "ClientId");
            var (certificate, owned) = CertificateSource.Load(request);
            return new SignInCredential(
                new ClientCertificateCredential(tenantId, clientId, certificate, new ClientCertificateCredentialOptions { AuthorityHost = request.Cloud.AuthorityHost }),
                owned ? certificate : null);
        }

        return new SignInCredential(CreateCredential(request, staticTokenClaims));
    }

    /// <summary>The device-code sign-in options; the prompt goes to the log of the engine call running when Azure.Identity
    /// asks, which for a later silent refresh that needs the user again is the command running then, not Connect-SsprGraph.</summary>
    internal static DeviceCodeCredentialOptions DeviceCodeOptions(ConnectionRequest request) => new()
    {
        AuthorityHost = request.Cloud.AuthorityHost,
        TenantId = request.TenantId,
        ClientId = request.ClientId ?? DefaultPublicClientId,
        DeviceCodeCallback = (code, _) =>
        {
            // The user must see this prompt, even without -Verbose.
            AmbientLog.Current.Warning(code.Message);
            return System.Threading.Tasks.Task.CompletedTask;
        },
    };

    private static TokenCredential CreateCredential(ConnectionRequest request, TokenClaims staticTokenClaims)
    {
        var authority = request.Cloud.AuthorityHost;
        switch (request.Method)
        {
            case SignInMethod.AccessToken:
                return new StaticAccessTokenCredential(
                    request.AccessToken ?? throw Missing("AccessToken"), staticTokenClaims.ExpiresOn, request.Clock);

            case SignInMethod.ManagedIdentity:
                return string.IsNullOrEmpty(request.ManagedIdentityClientId)
                    ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                    : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(request.ManagedIdentityClientId));

            case SignInMethod.ClientSecret:
                return new ClientSecretCredential(
                    Required(request.TenantId, "TenantId"),
                    Required(request.ClientId, "ClientId"),
                    SecureStringReader.Read(request.ClientSecret ?? throw Missing("ClientSecret")),
                    new ClientSecretCredentialOptions { AuthorityHost = authority });

            case SignInMethod.DeviceCode:
                return new DeviceCodeCredential(DeviceCodeOptions(request));

            case SignInMethod.Interactive:
                return new InteractiveBrowserCredential(new InteractiveBrowserCredentialOptions
                {
                    AuthorityHost = authority,
                    TenantId = request.TenantId,
                    ClientId = request.ClientId ?? DefaultPublicClientId,
                });

            default:
                throw new ArgumentOutOfRangeException(nameof(request), request.Method, "Unknown sign-in method.");
        }
    }

    private static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw Missing(name) : value!;

    private static SsprException Missing(string parameter) =>
        new(SsprErrorKind.InvalidArgument, "SignInParameterMissing", $"This sign-in method needs -{parameter}.");
}
