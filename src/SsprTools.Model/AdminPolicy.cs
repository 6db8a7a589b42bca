using System;

namespace SsprTools.Model;

/// <summary>
/// The tenant's "SSPR for administrators" switch: authorizationPolicy.allowedToUseSSPR in Graph,
/// what MSOnline called SelfServePasswordResetEnabled.
/// </summary>
public sealed class AdminPolicy
{
    public bool AllowedToUseSspr { get; init; }

    public string? TenantId { get; init; }

    public DateTimeOffset RetrievedAt { get; init; }

    /// <summary>The Graph request the value was read from, for example GET https://graph.microsoft.com/v1.0/policies/authorizationPolicy.</summary>
    public string Source { get; init; } = string.Empty;
}
