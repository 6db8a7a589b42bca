namespace SsprTools.GraphSimulator.Tenant;

/// <summary>An activated directoryRole object; its id differs from the template id, as in real tenants (directoryrole-get.md).</summary>
internal sealed record DirectoryRoleRecord(string Id, string RoleTemplateId, string DisplayName, string Description);

/// <summary>Memberships and role holders, precomputed once per tenant (the directory is read-only at run time).</summary>
internal sealed class DirectoryIndex
{
    private readonly TenantState _tenant;
    private readonly Dictionary<string, List<GroupRecord>> _parents = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DirectoryRoleRecord> _rolesByTemplate = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DirectoryRoleRecord> _rolesById = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<RoleGrant>> _activeGrantsByPrincipal = new(StringComparer.OrdinalIgnoreCase);

    public DirectoryIndex(TenantState tenant, IEnumerable<string> extraActivatedRoles)
    {
        _tenant = tenant;
        foreach (var group in tenant.Groups)
            foreach (var member in group.MemberIds)
                Parents(member).Add(group);

        // "Assigning a role in the portal activates it" (directoryrole-list.md): activated = has an active holder.
        // directoryRole objects exist for built-in roles; scoped assignments are not role memberships (scopedRoleMembers).
        var activated = tenant.Grants.Where(g => g.IsActive && g.IsTenantWideBuiltIn).Select(g => g.RoleTemplateId).Concat(extraActivatedRoles);
        foreach (var templateId in activated.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var role = RoleCatalog.Find(templateId) ?? throw new ScenarioException($"Unknown role '{templateId}'.");
            var record = new DirectoryRoleRecord(Ids.Derive(tenant.TenantId, "directoryRole", role.TemplateId), role.TemplateId, role.DisplayName, role.Description);
            _rolesByTemplate[record.RoleTemplateId] = record;
            _rolesById[record.Id] = record;
        }
        foreach (var grant in tenant.Grants.Where(g => g.IsActive && g.IsTenantWideBuiltIn))
        {
            if (!_activeGrantsByPrincipal.TryGetValue(grant.PrincipalId, out var list))
                _activeGrantsByPrincipal[grant.PrincipalId] = list = new List<RoleGrant>();
            list.Add(grant);
        }
    }

    public IEnumerable<DirectoryRoleRecord> ActivatedRoles => _rolesByTemplate.Values.OrderBy(r => r.DisplayName, StringComparer.Ordinal);

    public DirectoryRoleRecord? RoleById(string id) => _rolesById.GetValueOrDefault(id);

    public DirectoryRoleRecord? RoleByTemplate(string templateId) => _rolesByTemplate.GetValueOrDefault(templateId);

    /// <summary>Groups that list the object as a direct member.</summary>
    public IReadOnlyList<GroupRecord> DirectGroups(string objectId) => _parents.GetValueOrDefault(objectId) ?? [];

    /// <summary>Every group the object is in, directly or through nested groups.</summary>
    public IReadOnlyList<GroupRecord> TransitiveGroups(string objectId)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<GroupRecord>();
        var pending = new Queue<string>([objectId]);
        while (pending.TryDequeue(out var id))
            foreach (var group in DirectGroups(id))
                if (seen.Add(group.Id))
                {
                    result.Add(group);
                    pending.Enqueue(group.Id);
                }
        return result;
    }

    /// <summary>Activated roles the principal holds itself (memberOf lists these).</summary>
    public IEnumerable<DirectoryRoleRecord> DirectRoles(string principalId) =>
        (_activeGrantsByPrincipal.GetValueOrDefault(principalId) ?? []).Select(g => _rolesByTemplate[g.RoleTemplateId]);

    /// <summary>Activated roles held directly or through a role-assignable group (transitiveMemberOf lists these).</summary>
    public IReadOnlyList<DirectoryRoleRecord> TransitiveRoles(string objectId) =>
        DirectRoles(objectId).Concat(TransitiveGroups(objectId).SelectMany(g => DirectRoles(g.Id)))
            .DistinctBy(r => r.Id).ToList();

    /// <summary>Direct members of an activated role: users and groups with an active assignment.</summary>
    public IEnumerable<string> RoleMemberIds(string roleTemplateId) =>
        _tenant.Grants.Where(g => g.IsActive && g.IsTenantWideBuiltIn && g.RoleTemplateId.Equals(roleTemplateId, StringComparison.OrdinalIgnoreCase))
            .Select(g => g.PrincipalId).Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>Members of a group including members of nested groups (each once).</summary>
    public IReadOnlyList<string> TransitiveMembers(string groupId)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        var pending = new Queue<string>([groupId]);
        while (pending.TryDequeue(out var id))
            foreach (var member in _tenant.FindGroup(id)?.MemberIds ?? [])
                if (seen.Add(member))
                {
                    result.Add(member);
                    pending.Enqueue(member);
                }
        return result;
    }

    /// <summary>
    /// userRegistrationDetails.isAdmin: "whether the user has an admin role". Which roles count is undocumented;
    /// we count any active role, direct or through a group (eligible-only PIM roles do not count).
    /// </summary>
    public bool IsAdmin(string userId) => TransitiveRoles(userId).Count > 0;

    /// <summary>
    /// Schedule instances for grants: the principal's own ("Direct") plus one per user who inherits it through a
    /// role-assignable group ("Group"), which is how the PIM instance APIs report group membership (memberType).
    /// </summary>
    public IEnumerable<(RoleGrant Grant, string PrincipalId, string MemberType)> WithInherited(IEnumerable<RoleGrant> grants)
    {
        foreach (var grant in grants)
        {
            yield return (grant, grant.PrincipalId, "Direct");
            if (!grant.PrincipalIsGroup)
                continue;
            foreach (var member in TransitiveMembers(grant.PrincipalId).Where(id => _tenant.FindUser(id) is not null))
                yield return (grant, member, "Group");
        }
    }

    private List<GroupRecord> Parents(string objectId)
    {
        if (!_parents.TryGetValue(objectId, out var list))
            _parents[objectId] = list = new List<GroupRecord>();
        return list;
    }
}
