using System.Management.Automation;
using System.Security.Cryptography.X509Certificates;
using System.Security;
using System;
using SsprTools.Engine.Connection;
using SsprTools.Engine.Errors;
using SsprTools.Engine.Graph;
using SsprTools.Hosting;
using SsprTools.Model;

namespace SsprTools.Commands;

/// <summary>
/// <para type="synopsis">Connects SsprTools to Microsoft Graph for one tenant.</para>
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "SsprGraph", DefaultParameterSetName = InteractiveSet)]
[OutputType(typeof(SsprConnection))]
public sealed class ConnectSsprGraphCommand : SsprCmdlet
{
    private const string InteractiveSet = "Interactive";
    private const string DeviceCodeSet = "DeviceCode";
    private const string AccessTokenSet = "AccessToken";
    private const string ClientSecretSet = "ClientSecret";
    private const string ClientCredentialSet = "ClientCredential";
    private const string CertificateThumbprintSet = "CertificateThumbprint";
    private const string CertificateSet = "Certificate";
    private const string CertificateFileSet = "CertificateFile";
    private const string ManagedIdentitySet = "ManagedIdentity";

    [Parameter(Mandatory = true, ParameterSetName = AccessTokenSet)]
    public SecureString AccessToken { get; set; } = null!;

    [Parameter(Mandatory = true, ParameterSetName = DeviceCodeSet)]
    [Alias("DeviceCode")]
    public SwitchParameter UseDeviceCode { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ManagedIdentitySet)]
    [Alias("ManagedIdentity")]
    public SwitchParameter Identity { get; set; }

    [Parameter(ParameterSetName = ManagedIdentitySet)]
    public string? ManagedIdentityClientId { get; set; }

    [Parameter(ParameterSetName = InteractiveSet)]
    [Parameter(ParameterSetName = DeviceCodeSet)]
    [Parameter(Mandatory = true, ParameterSetName = ClientSecretSet)]
    [Parameter(Mandatory = true, ParameterSetName = CertificateThumbprintSet)]
    [Parameter(Mandatory = true, ParameterSetName = CertificateSet)]
    [Parameter(Mandatory = true, ParameterSetName = CertificateFileSet)]
    [Alias("AppId", "ApplicationId")]
    public string? ClientId { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ClientSecretSet)]
    public SecureString ClientSecret { get; set; } = null!;

    /// <summary>An app's client id (user name) and secret (password).</summary>
    [Parameter(Mandatory = true, ParameterSetName = ClientCredentialSet)]
    [Credential]
    public PSCredential Credential { get; set; } = null!;

    [Parameter(Mandatory = true, ParameterSetName = CertificateThumbprintSet)]
    public string CertificateThumbprint { get; set; } = null!;

    [Parameter(Mandatory = true, ParameterSetName = CertificateSet)]
    public X509Certificate2 Certificate { get; set; } = null!;

    [Parameter(Mandatory = true, ParameterSetName = CertificateFileSet)]
    public string CertificatePath { get; set; } = null!;

    [Parameter(ParameterSetName = CertificateFileSet)]
    public SecureString? CertificatePassword { get; set; }

    [Parameter(ParameterSetName = InteractiveSet)]
    [Parameter(ParameterSetName = DeviceCodeSet)]
    [Parameter(ParameterSetName = AccessTokenSet)]
    [Parameter(Mandatory = true, ParameterSetName = ClientSecretSet)]
    [Parameter(Mandatory = true, ParameterSetName = ClientCredentialSet)]
    [Parameter(Mandatory = true, ParameterSetName = CertificateThumbprintSet)]
    [Parameter(Mandatory = true, ParameterSetName = CertificateSet)]
    [Parameter(Mandatory = true, ParameterSetName = CertificateFileSet)]
    [Parameter(ParameterSetName = ManagedIdentitySet)]
    [ValidateNotNullOrEmpty]
    public string? TenantId { get; set; }

    /// <summary>Delegated scopes to ask for; defaults to the least-privileged read set.</summary>
    [Parameter(ParameterSetName = InteractiveSet)]
    [Parameter(ParameterSetName = DeviceCodeSet)]
    public string[]? Scopes { get; set; }

    [Parameter]
    [ValidateSet("Global", "USGov", "USGovDoD", "China")]
    public string Environment { get; set; } = "Global";

    /// <summary>The Graph service root, for example https://graph.microsoft.com; /v1.0 is appended.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? GraphEndpoint { get; set; }

    protected override void EndProcessing()
    {
        CheckInput();
        try
        {
            var request = BuildRequest();
            var session = RunEngine((log, cancel) => SsprSession.ConnectAsync(request, log, cancel));
            // Process scope, as Connect-MgGraph and Az: every runspace now uses this session. Commands still running
            // on the previous one finish with it; it closes when the last of them ends.
            var stillInUse = CurrentSession.Replace(session);
            if (stillInUse > 0)
            {
                WriteVerbose($"The previous connection stays open until the {stillInUse} running command(s) using it end.");
            }

            WriteObject(session.Connection);
        }
        catch (SsprException e)
        {
            Terminate(e, EndpointTarget() ?? TenantId);
        }
    }

    // Shapes refused before anything is sent; each error names the offending input (never the token's text).
    private void CheckInput()
    {
        if (ConnectionInputRule.TenantIdProblem(TenantId) is { } tenantProblem)
        {
            Terminate(tenantProblem, TenantId);
        }

        if (ParameterSetName != AccessTokenSet)
        {
            return;
        }

        if (ConnectionInputRule.AccessTokenProblem(AccessToken) is { } tokenProblem)
        {
            Terminate(tokenProblem, AccessToken);
        }

        if (!ConnectionInputRule.IsJwt(AccessToken))
        {
            WriteWarning("-AccessToken is not a JSON Web Token, so its tenant, scopes and expiry cannot be read; they show as empty and a wrong or expired token is found only when Graph refuses it.");
        }
    }

    // The endpoint as the error target; with a user-info part, a redacted text so the password is never shown.
    private object? EndpointTarget() =>
        GraphEndpoint is { IsAbsoluteUri: true, UserInfo.Length: > 0 } ? GraphEndpointRule.Redact(GraphEndpoint) : GraphEndpoint;

    private ConnectionRequest BuildRequest()
    {
        var method = ParameterSetName switch
        {
            AccessTokenSet => SignInMethod.AccessToken,
            DeviceCodeSet => SignInMethod.DeviceCode,
            ManagedIdentitySet => SignInMethod.ManagedIdentity,
            ClientSecretSet or ClientCredentialSet => SignInMethod.ClientSecret,
            CertificateThumbprintSet or CertificateSet or CertificateFileSet => SignInMethod.Certificate,
            _ => SignInMethod.Interactive,
        };

        return new ConnectionRequest
        {
            Method = method,
            Cloud = GraphCloud.FromName(Environment),
            GraphEndpoint = GraphEndpoint,
            TenantId = TenantId,
            AccessToken = AccessToken,
            ClientId = ParameterSetName == ClientCredentialSet ? Credential.UserName : ClientId,
            ClientSecret = ParameterSetName == ClientCredentialSet ? Credential.Password : ClientSecret,
            CertificateThumbprint = CertificateThumbprint,
            Certificate = Certificate,
            CertificatePath = CertificatePath is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(CertificatePath),
            CertificatePassword = CertificatePassword,
            ManagedIdentityClientId = ManagedIdentityClientId,
            Scopes = Scopes ?? Array.Empty<string>(),
        };
    }
}
