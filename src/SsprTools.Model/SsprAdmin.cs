using System;

namespace SsprTools.Model;

/// <summary>A user holding (actively or eligibly) at least one role on the administrator reset policy list.</summary>
public sealed class SsprAdmin
{
    public string UserId { get; init; } = "";
    public string UserPrincipalName { get; init; } = "";
    public string DisplayName { get; init; } = "";

    /// <summary>onPremisesSyncEnabled is true; null when it could not be read.</summary>
    public bool? IsSynced { get; init; }

    /// <summary>The holdings of roles on the administrator reset policy list, and of roles the list does not decide
    /// (custom roles, built-in roles newer than the list; <see cref="AdminRoleHolding.IsBuiltIn"/> tells them apart).</summary>
    public AdminRoleHolding[] Roles { get; init; } = Array.Empty<AdminRoleHolding>();
}
