using System;
using System.Collections.Generic;

namespace SsprTools.Engine.Facts;

/// <summary>The user's row of GET /v1.0/reports/authenticationMethods/userRegistrationDetails.</summary>
public sealed record RegistrationDetails
{
    /// <summary>methodsRegistered, e.g. "mobilePhone", "email", "microsoftAuthenticatorPush", "softwareOneTimePasscode".</summary>
    public IReadOnlyList<string> MethodsRegistered { get; init; } = Array.Empty<string>();

    /// <summary>Allowed to use SSPR by the user policy (may not be registered).</summary>
    public bool IsSsprEnabled { get; init; }

    /// <summary>Registered the required number of methods (may not be allowed by policy).</summary>
    public bool IsSsprRegistered { get; init; }

    /// <summary>Both enabled and registered.</summary>
    public bool IsSsprCapable { get; init; }

    /// <summary>"Has an admin role in the tenant"; which roles count is not documented.</summary>
    public bool IsAdmin { get; init; }

    public DateTimeOffset? LastUpdatedDateTime { get; init; }
}
