using System;
using System.Collections.Generic;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using SsprTools.Engine.Graph;

namespace SsprTools.Engine.Connection;

/// <summary>Everything Connect-SsprGraph was given. Secrets stay SecureString until the moment of use.</summary>
public sealed class ConnectionRequest
{
    public SignInMethod Method { get; init; } = SignInMethod.Interactive;

    public GraphCloud Cloud { get; init; } = GraphCloud.Global;

    /// <summary>Graph service root (no version segment). Null means the cloud's documented root.</summary>
    public Uri? GraphEndpoint { get; init; }

    public string? TenantId { get; init; }

    public SecureString? AccessToken { get; init; }

    public string? ClientId { get; init; }

    public SecureString? ClientSecret { get; init; }

    public string? CertificateThumbprint { get; init; }

    public X509Certificate2? Certificate { get; init; }

    public string? CertificatePath { get; init; }

    public SecureString? CertificatePassword { get; init; }

    public string? ManagedIdentityClientId { get; init; }

    /// <summary>Delegated scopes to request; empty means <see cref="GraphPermissions.DefaultDelegatedScopes"/>.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = Array.Empty<string>();

    /// <summary>How Graph calls of this connection retry throttling and transient failures.</summary>
    public GraphRetryPolicy Retry { get; init; } = GraphRetryPolicy.Default;

    /// <summary>
    /// The session's one clock: back-off waits, token expiry, the policy read-back and evidence timestamps.
    /// TimeProvider.System in production; tests pass a FakeTimeProvider shared with the simulator.
    /// </summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// The handler below the SDK's chain that puts requests on the wire; null means the SDK's own. A seam for tests,
    /// which check what reaches the wire (URLs, batch bodies) rather than only how a simulator answered.
    /// </summary>
    internal System.Net.Http.HttpMessageHandler? Transport { get; init; }
}
