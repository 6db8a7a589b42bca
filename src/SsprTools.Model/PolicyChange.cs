using System;

namespace SsprTools.Model;

/// <summary>What Enable-SsprForAdmins or Disable-SsprForAdmins did to the admin switch.</summary>
public sealed class PolicyChange
{
    public string Setting { get; init; } = "allowedToUseSSPR";

    public string? TenantId { get; init; }

    public bool Before { get; init; }

    public bool After { get; init; }

    /// <summary>True when a write was sent; false when the switch was already in the wanted state.</summary>
    public bool Changed { get; init; }

    /// <summary>True when reading the policy back showed the wanted value. Microsoft documents that a change can take up to 60 minutes to apply.</summary>
    public bool Verified { get; init; }

    public DateTimeOffset Timestamp { get; init; }

    public string Message { get; init; } = string.Empty;
}
