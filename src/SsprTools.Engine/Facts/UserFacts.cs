using System.Collections.Generic;
using SsprTools.Model;

namespace SsprTools.Engine.Facts;

/// <summary>Everything the rules need to know about one user. Every fact not set is "not collected" (unreadable).</summary>
public sealed record UserFacts
{
    public string Id { get; init; } = "";
    public string UserPrincipalName { get; init; } = "";
    public string DisplayName { get; init; } = "";

    /// <summary>user.accountEnabled (GET /v1.0/users/{id}).</summary>
    public Fact<bool> AccountEnabled { get; init; } = Fact.NotCollected<bool>();

    /// <summary>user.userType.</summary>
    public Fact<UserType> UserType { get; init; } = Fact.NotCollected<UserType>();

    /// <summary>user.externalUserState and user.creationType: B2B signals that hold for members too ("Returned only on
    /// $select", user.md).</summary>
    public Fact<ExternalUserSignals> ExternalUser { get; init; } = Fact.NotCollected<ExternalUserSignals>();

    /// <summary>user.onPremisesSyncEnabled: true synced, false no longer synced, null never synced.</summary>
    public Fact<bool?> OnPremisesSyncEnabled { get; init; } = Fact.NotCollected<bool?>();

    /// <summary>user.onPremisesImmutableId (evidence of an on-premises source anchor).</summary>
    public Fact<string?> OnPremisesImmutableId { get; init; } = Fact.NotCollected<string?>();

    /// <summary>user.assignedPlans.</summary>
    public Fact<IReadOnlyList<AssignedPlan>> AssignedPlans { get; init; } = Fact.NotCollected<IReadOnlyList<AssignedPlan>>();

    /// <summary>Which of mobilePhone, otherMails, businessPhones are set on the user object.</summary>
    public Fact<ProfileContactInfo> ProfileContact { get; init; } = Fact.NotCollected<ProfileContactInfo>();

    /// <summary>Active directory role holdings (roleAssignments, or roleAssignmentScheduleInstances), direct or via group.</summary>
    public Fact<IReadOnlyList<AdminRoleHolding>> ActiveRoles { get; init; } = Fact.NotCollected<IReadOnlyList<AdminRoleHolding>>();

    /// <summary>Why <see cref="ActiveRoles"/> may lack roles although it was read: a source of roles could not be read
    /// (for example the members of a role-assignable group). Null when every source of roles was read.</summary>
    public string? RoleListIncomplete { get; init; }

    /// <summary>PIM-eligible holdings (roleEligibilityScheduleInstances); 400 AadPremiumLicenseRequired without P2.</summary>
    public Fact<IReadOnlyList<AdminRoleHolding>> EligibleRoles { get; init; } = Fact.NotCollected<IReadOnlyList<AdminRoleHolding>>();

    /// <summary>The user's userRegistrationDetails row; 403 without Entra ID P1/P2 or AuditLog.Read.All.</summary>
    public Fact<RegistrationDetails> Registration { get; init; } = Fact.NotCollected<RegistrationDetails>();

    /// <summary>GET /v1.0/users/{id}/authentication/methods: optional, used for administrators when the
    /// registration report cannot be read.</summary>
    public Fact<IReadOnlyList<RegisteredAuthenticationMethod>> AuthenticationMethods { get; init; } =
        Fact.NotCollected<IReadOnlyList<RegisteredAuthenticationMethod>>();

    /// <summary>The on-premises adminCount attribute as the administrator stated it (-AdminCount, bound from
    /// Get-ADUser -Properties adminCount); null when stated as not set. Graph cannot read it.</summary>
    public Fact<int?> OnPremisesAdminCount { get; init; } = Fact.NotCollected<int?>();

    /// <summary>Self-service reset attempts the audit log shows (Test-SsprAdminReset -IncludeActivity); not collected otherwise.</summary>
    public Fact<ObservedResets> ObservedResets { get; init; } = Fact.NotCollected<ObservedResets>();
}
