namespace SsprTools.Engine.Catalogs;

/// <summary>How sure the link between the name on the SSPR page and a role template id is.</summary>
public enum RoleMappingStatus
{
    /// <summary>The name matches the built-in roles table (permissions-reference.md) exactly.</summary>
    Documented,

    /// <summary>The SSPR page uses an older name of the role the template id belongs to today.</summary>
    Renamed,

    /// <summary>Microsoft does not state the mapping; it is derived from other evidence.</summary>
    Inferred,

    /// <summary>Listed as deprecated in permissions-reference.md, which gives no template id: matched by display name.</summary>
    DeprecatedWithoutTemplateId,

    /// <summary>No template id is documented for the name: matched by display name only.</summary>
    NameOnly,
}

/// <summary>One role named in the administrator reset policy list (concept-sspr-policy.md).</summary>
/// <param name="ListedName">The name as the SSPR page writes it.</param>
/// <param name="TemplateId">The role template id, or null when none is documented.</param>
/// <param name="Mapping">How sure the name-to-template mapping is.</param>
/// <param name="CurrentName">Today's display name when it differs from <paramref name="ListedName"/>.</param>
public sealed record AdminPolicyRole(string ListedName, string? TemplateId, RoleMappingStatus Mapping, string? CurrentName = null);
