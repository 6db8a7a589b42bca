using System;

namespace SsprTools.Model;

/// <summary>The current Graph connection as Connect-SsprGraph and Get-SsprConnection show it. Never holds a token.</summary>
public sealed class SsprConnection
{
    public string? TenantId { get; init; }

    /// <summary>The sign-in method: AccessToken, ManagedIdentity, ClientSecret, Certificate, DeviceCode or Interactive.</summary>
    public string AuthType { get; init; } = string.Empty;

    /// <summary>'Delegated' (a signed-in user) or 'AppOnly' (an app or managed identity).</summary>
    public string TokenKind { get; init; } = string.Empty;

    /// <summary>The signed-in user's UPN, or the app id for app-only tokens, when the token tells.</summary>
    public string? Account { get; init; }

    public string Environment { get; init; } = "Global";

    public string GraphEndpoint { get; init; } = string.Empty;

    public string ApiVersion { get; init; } = "v1.0";

    /// <summary>Delegated scopes or app roles the token carries; empty when the token does not reveal them.</summary>
    public string[] Scopes { get; init; } = Array.Empty<string>();

    public DateTimeOffset? TokenExpiresOn { get; init; }

    public DateTimeOffset ConnectedAt { get; init; }
}
