using System;
using System.Collections.Generic;

namespace SsprTools.Engine.Facts;

/// <summary>The user's row of GET /v1.0/reports/authenticationMethods/userRegistrationDetails. Its flags are nullable: a
/// row that leaves one out (null) says nothing about it, which is not the same as false.</summary>
public sealed record RegistrationDetails
{
    /// <summary>methodsRegistered, e.g. "mobilePhone", "email", "microsoftAuthenticatorPush", "softwareOneTimePasscode".</summary>
    public IReadOnlyList<string> MethodsRegistered { get; init; } = Array.Empty<string>();

    /// <summary>Allowed to use SSPR by the user policy (may not be registered).</summary>
    public bool? IsSsprEnabled { get; init; }

    /// <summary>Registered the required number of methods (may not be allowed by policy).</summary>
    public bool? IsSsprRegistered { get; init; }

    /// <summary>Both enabled and registered.</summary>
    public bool? IsSsprCapable { get; init; }

    /// <summary>"Has an admin role in the tenant"; which roles count is not documented.</summary>
    public bool? IsAdmin { get; init; }

    /// <summary>"The date and time when the report most recently updated. This value is not related the user's authentication
    /// method registration." (howto-authentication-methods-activity.md, "User registration details").</summary>
    public DateTimeOffset? LastUpdatedDateTime { get; init; }
}
