using SsprTools.Engine.Catalogs;
using SsprTools.Model;

namespace SsprTools.Engine.Rules;

/// <summary>Where a held role stands against the administrator reset policy list (concept-sspr-policy.md).</summary>
internal enum RoleStandingKind
{
    /// <summary>On the list (<see cref="AdminRoleCatalog"/>).</summary>
    Listed,

    /// <summary>A built-in role that existed when the list was reviewed and is not on it (<see cref="UnlistedBuiltInRoles"/>).</summary>
    KnownUnlisted,

    /// <summary>A custom role (isBuiltIn false): Microsoft's list does not address custom roles.</summary>
    Custom,

    /// <summary>A role neither table knows: a built-in role newer than the list, or one whose definition was unreadable.</summary>
    Unknown,
}

internal static class RoleStanding
{
    public static RoleStandingKind Of(AdminRoleHolding holding) =>
        holding.IsBuiltIn == false ? RoleStandingKind.Custom
        : AdminRoleCatalog.Match(holding) is not null ? RoleStandingKind.Listed
        : UnlistedBuiltInRoles.Match(holding) is not null ? RoleStandingKind.KnownUnlisted
        : RoleStandingKind.Unknown;

    public static bool IsTenantWide(AdminRoleHolding holding) =>
        string.IsNullOrEmpty(holding.DirectoryScopeId) || holding.DirectoryScopeId == RoleScope.Tenant;
}
