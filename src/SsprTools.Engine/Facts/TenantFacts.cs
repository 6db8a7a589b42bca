using System.Collections.Generic;

namespace SsprTools.Engine.Facts;

/// <summary>Everything the rules need to know about the tenant. Every fact not set is "not collected" (unreadable).</summary>
public sealed record TenantFacts
{
    public string TenantId { get; init; } = "";

    /// <summary>authorizationPolicy.allowedToUseSSPR: the switch for SSPR of administrator accounts
    /// (GET /v1.0/policies/authorizationPolicy).</summary>
    public Fact<bool> AllowedToUseSspr { get; init; } = Fact.NotCollected<bool>();

    /// <summary>organization.onPremisesSyncEnabled; Graph's null (never synced) is false (GET /v1.0/organization).</summary>
    public Fact<bool> OnPremisesSyncEnabled { get; init; } = Fact.NotCollected<bool>();

    /// <summary>organization.verifiedDomains (GET /v1.0/organization).</summary>
    public Fact<IReadOnlyList<VerifiedDomain>> VerifiedDomains { get; init; } = Fact.NotCollected<IReadOnlyList<VerifiedDomain>>();

    /// <summary>GET /v1.0/subscribedSkus: the tenant's licences and their service plans.</summary>
    public Fact<IReadOnlyList<SubscribedSku>> SubscribedSkus { get; init; } = Fact.NotCollected<IReadOnlyList<SubscribedSku>>();

    /// <summary>GET /v1.0/directory/subscriptions: which subscriptions are trials and since when.</summary>
    public Fact<IReadOnlyList<TenantSubscription>> Subscriptions { get; init; } = Fact.NotCollected<IReadOnlyList<TenantSubscription>>();

    /// <summary>Password writeback as stated by the administrator; Graph cannot read it.</summary>
    public Fact<PasswordWritebackState> PasswordWriteback { get; init; } = Fact.NotCollected<PasswordWritebackState>();

    /// <summary>The user SSPR policy (None/Selected/All) as stated by the administrator; Graph cannot read it.</summary>
    public Fact<SsprUserPolicyScope> UserPolicyScope { get; init; } = Fact.NotCollected<SsprUserPolicyScope>();

    /// <summary>Whether synchronized administrators are in on-premises protected groups, as stated by the administrator
    /// (-OnPremisesProtectedAdmins); Graph cannot read it.</summary>
    public Fact<OnPremisesProtectedAdmins> OnPremisesProtectedAdmins { get; init; } = Fact.NotCollected<OnPremisesProtectedAdmins>();
}
