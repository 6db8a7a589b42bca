using System.Text.Json.Nodes;

namespace SsprTools.GraphSimulator.Tenant;

/// <summary>The simulated tenant: directory objects, licences, policies. Only the authorization policy changes at run time.</summary>
internal sealed class TenantState
{
    private readonly Dictionary<string, UserRecord> _usersByKey;
    private readonly Dictionary<string, GroupRecord> _groupsById;

    public TenantState(
        string tenantId,
        string scenarioName,
        OrganizationSpec organization,
        IReadOnlyList<(Sku Sku, SubscriptionSpec Spec)> subscriptions,
        AuthorizationPolicyStore authorizationPolicy,
        JsonObject? onPremisesSyncFeatures,
        SsprPolicySpec sspr,
        IReadOnlyList<UserRecord> users,
        IReadOnlyList<GroupRecord> groups,
        IReadOnlyList<RoleGrant> grants,
        IReadOnlyList<string> extraActivatedRoles,
        ManagedIdentitySpec managedIdentity,
        IReadOnlyList<ApplicationSpec> applications,
        UserRecord? signedInUser)
    {
        TenantId = tenantId;
        ScenarioName = scenarioName;
        Organization = organization;
        Subscriptions = subscriptions;
        AuthorizationPolicy = authorizationPolicy;
        OnPremisesSyncFeatures = onPremisesSyncFeatures;
        Sspr = sspr;
        Users = users;
        Groups = groups;
        Grants = grants;
        ManagedIdentity = managedIdentity;
        Applications = applications;
        SignedInUser = signedInUser;

        _usersByKey = new Dictionary<string, UserRecord>(StringComparer.OrdinalIgnoreCase);
        foreach (var u in users)
        {
            _usersByKey[u.Id] = u;
            _usersByKey[u.UserPrincipalName] = u;
        }
        _groupsById = groups.ToDictionary(g => g.Id, StringComparer.OrdinalIgnoreCase);
        Directory = new DirectoryIndex(this, extraActivatedRoles);
        var plans = subscriptions.Where(s => s.Spec.CapabilityStatus is "Enabled" or "Warning")
            .SelectMany(s => s.Sku.ServicePlans).Select(p => p.Id).ToHashSet();
        HasPremiumP1 = plans.Contains(LicenceCatalog.PlanP1) || plans.Contains(LicenceCatalog.PlanP2);
        HasPremiumP2 = plans.Contains(LicenceCatalog.PlanP2) || plans.Contains(LicenceCatalog.PlanGovernance);
    }

    public string TenantId { get; }
    public string ScenarioName { get; }
    public OrganizationSpec Organization { get; }
    public IReadOnlyList<(Sku Sku, SubscriptionSpec Spec)> Subscriptions { get; }
    public AuthorizationPolicyStore AuthorizationPolicy { get; }
    /// <summary>Null when the tenant has no on-premises synchronization object.</summary>
    public JsonObject? OnPremisesSyncFeatures { get; }
    public SsprPolicySpec Sspr { get; }
    public IReadOnlyList<UserRecord> Users { get; }
    public IReadOnlyList<GroupRecord> Groups { get; }
    public IReadOnlyList<RoleGrant> Grants { get; }
    public ManagedIdentitySpec ManagedIdentity { get; }
    public IReadOnlyList<ApplicationSpec> Applications { get; }
    public UserRecord? SignedInUser { get; }
    public DirectoryIndex Directory { get; }

    /// <summary>Custom role definitions, listed after the built-in ones in /roleManagement/directory/roleDefinitions.</summary>
    public IReadOnlyList<CustomRole> CustomRoles { get; init; } = [];
    /// <summary>Directory audit records (/auditLogs/directoryAudits).</summary>
    public AuditLog AuditLog { get; init; } = AuditLog.Empty;
    public bool HasPremiumP1 { get; }
    public bool HasPremiumP2 { get; }

    /// <summary>A user by object id or userPrincipalName (case-insensitive), as /users/{id | userPrincipalName} accepts.</summary>
    public UserRecord? FindUser(string idOrUpn) => _usersByKey.GetValueOrDefault(idOrUpn);

    public GroupRecord? FindGroup(string id) => _groupsById.GetValueOrDefault(id);

    public string DefaultDomain =>
        Organization.VerifiedDomains.FirstOrDefault(d => d.IsDefault)?.Name
        ?? Organization.VerifiedDomains.FirstOrDefault()?.Name
        ?? "contoso.onmicrosoft.com";
}
