using System.Text.Json.Nodes;
using SsprTools.GraphSimulator.Faults;

namespace SsprTools.GraphSimulator.Tenant;

// The scenario JSON format (docs/scenarios.md). Property names are camelCase in the file.

internal sealed class ScenarioFile
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string TenantId { get; set; } = "";
    public OrganizationSpec Organization { get; set; } = new();
    /// <summary>Subscriptions by skuPartNumber from the built-in catalogue (AAD_PREMIUM, AAD_PREMIUM_P2, …).</summary>
    public List<SubscriptionSpec> Subscriptions { get; set; } = new();
    /// <summary>Properties that override the documented default authorizationPolicy.</summary>
    public JsonObject? AuthorizationPolicy { get; set; }
    /// <summary>Features that override the default onPremisesSynchronization features; omitted = no sync object.</summary>
    public JsonObject? OnPremisesSynchronization { get; set; }
    public SsprPolicySpec Sspr { get; set; } = new();
    public List<UserSpec> Users { get; set; } = new();
    public List<GroupSpec> Groups { get; set; } = new();
    public List<RoleSpec> Roles { get; set; } = new();
    /// <summary>Custom role definitions (isBuiltIn false) that roles[].role may name.</summary>
    public List<CustomRoleSpec> CustomRoles { get; set; } = new();
    /// <summary>Roles to show as activated in /directoryRoles even without members.</summary>
    public List<string> ActivatedRoles { get; set; } = new();
    public ManagedIdentitySpec ManagedIdentity { get; set; } = new();
    /// <summary>App registrations that may get app-only tokens with the client-credentials grant.</summary>
    public List<ApplicationSpec> Applications { get; set; } = new();
    /// <summary>UPN or id of the user that delegated tokens are issued for (default: first Global Administrator).</summary>
    public string? SignedInUser { get; set; }
    public FaultSettings? Faults { get; set; }
    /// <summary>When present, users and admins are generated (the 'large' scenario).</summary>
    public GenerateSpec? Generate { get; set; }
    /// <summary>Directory audit records: reset journeys, other events and the endpoint's settings (AuditLogSpec.cs).</summary>
    public AuditLogSpec? AuditLog { get; set; }
}

internal sealed class OrganizationSpec
{
    public string? Id { get; set; }
    public string DisplayName { get; set; } = "Contoso";
    public List<DomainSpec> VerifiedDomains { get; set; } = new();
    public bool? OnPremisesSyncEnabled { get; set; }
    public DateTimeOffset? OnPremisesLastSyncDateTime { get; set; }
    public DateTimeOffset? CreatedDateTime { get; set; }
    public string? CountryLetterCode { get; set; }
}

internal sealed class DomainSpec
{
    public string Name { get; set; } = "";
    public bool IsDefault { get; set; }
    public bool IsInitial { get; set; }
    public string Type { get; set; } = "Managed";
}

internal sealed class SubscriptionSpec
{
    public string SkuPartNumber { get; set; } = "";
    public int PrepaidUnits { get; set; } = 25;
    public string CapabilityStatus { get; set; } = "Enabled";
    /// <summary>A trial subscription (companySubscription.isTrial); the SSPR admin policy differs in a trial's first 30 days.</summary>
    public bool IsTrial { get; set; }
    /// <summary>When the subscription started (companySubscription.createdDateTime); defaults to the organization's creation.</summary>
    public DateTimeOffset? CreatedDateTime { get; set; }
}

/// <summary>The user SSPR policy, which Graph does not expose; it only feeds userRegistrationDetails.</summary>
internal sealed class SsprPolicySpec
{
    /// <summary>"all", "selected" or "none".</summary>
    public string EnabledFor { get; set; } = "all";
    /// <summary>Group id or name when EnabledFor is "selected".</summary>
    public string? Group { get; set; }
    /// <summary>Methods a non-admin must register (admins always need two: the two-gate policy).</summary>
    public int MethodsRequired { get; set; } = 1;
}

internal sealed class UserSpec
{
    public string? Id { get; set; }
    public string UserPrincipalName { get; set; } = "";
    public string? DisplayName { get; set; }
    public string? GivenName { get; set; }
    public string? Surname { get; set; }
    public string? JobTitle { get; set; }
    public string? Mail { get; set; }
    public string? MobilePhone { get; set; }
    public string? OfficeLocation { get; set; }
    public string? PreferredLanguage { get; set; }
    public bool AccountEnabled { get; set; } = true;
    /// <summary>"Member" or "Guest".</summary>
    public string UserType { get; set; } = "Member";
    /// <summary>true synchronized; false was synchronized; null cloud-only (user resource docs).</summary>
    public bool? OnPremisesSyncEnabled { get; set; }
    public string? OnPremisesImmutableId { get; set; }
    public string? OnPremisesSamAccountName { get; set; }
    public DateTimeOffset? CreatedDateTime { get; set; }
    /// <summary>skuPartNumbers assigned to the user.</summary>
    public List<string> Licenses { get; set; } = new();
    public List<MethodSpec> Methods { get; set; } = new();
    /// <summary>Overrides for the computed userRegistrationDetails properties.</summary>
    public JsonObject? Registration { get; set; }
    /// <summary>user.externalUserState ("PendingAcceptance" or "Accepted" for invited users; user.md).</summary>
    public string? ExternalUserState { get; set; }
    /// <summary>user.creationType; default "Invitation" for guests, null otherwise (user.md).</summary>
    public string? CreationType { get; set; }
}

internal sealed class MethodSpec
{
    /// <summary>phone, email, microsoftAuthenticator, softwareOath, fido2, windowsHelloForBusiness, temporaryAccessPass.</summary>
    public string Type { get; set; } = "";
    public string? Id { get; set; }
    public string? PhoneType { get; set; }
    public string? PhoneNumber { get; set; }
    public string? EmailAddress { get; set; }
    public string? DisplayName { get; set; }
    public DateTimeOffset? CreatedDateTime { get; set; }
}

internal sealed class GroupSpec
{
    public string? Id { get; set; }
    public string DisplayName { get; set; } = "";
    public string? Description { get; set; }
    public bool IsAssignableToRole { get; set; }
    public bool SecurityEnabled { get; set; } = true;
    public bool MailEnabled { get; set; }
    public string? MailNickname { get; set; }
    /// <summary>Member user UPNs/ids or group names/ids.</summary>
    public List<string> Members { get; set; } = new();
    /// <summary>The caller may not read this group's members: /members and /transitiveMembers answer
    /// 403 Authorization_RequestDenied, as Graph does for a caller without rights.</summary>
    public bool MembersUnreadable { get; set; }
}

internal sealed class RoleSpec
{
    /// <summary>Role display name or template id.</summary>
    public string Role { get; set; } = "";
    /// <summary>User UPN/id or group name/id.</summary>
    public string Principal { get; set; } = "";
    /// <summary>"active" (permanent assignment), "eligible" (PIM) or "activated" (eligible and currently activated).</summary>
    public string Assignment { get; set; } = "active";
    /// <summary>directoryScopeId: "/" (tenant, the default) or "/administrativeUnits/{id}".</summary>
    public string? Scope { get; set; }
}

internal sealed class CustomRoleSpec
{
    /// <summary>Definition id (also its templateId); derived from the display name when omitted.</summary>
    public string? Id { get; set; }
    public string DisplayName { get; set; } = "";
    public string? Description { get; set; }
}

internal sealed class ManagedIdentitySpec
{
    public string? ClientId { get; set; }
    public string? PrincipalId { get; set; }
    public string DisplayName { get; set; } = "SsprTools automation";
    /// <summary>Application permissions granted to the system-assigned identity.</summary>
    public List<string> Roles { get; set; } = new();
    public List<UserAssignedIdentitySpec> UserAssigned { get; set; } = new();
}

internal sealed class UserAssignedIdentitySpec
{
    public string ClientId { get; set; } = "";
    public string? PrincipalId { get; set; }
    public string? ResourceId { get; set; }
    public List<string> Roles { get; set; } = new();
}

internal sealed class ApplicationSpec
{
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";
    public string DisplayName { get; set; } = "";
    /// <summary>Application permissions (app roles) granted with admin consent.</summary>
    public List<string> Roles { get; set; } = new();
}

internal sealed class GenerateSpec
{
    public int Users { get; set; } = 10_000;
    public int Admins { get; set; } = 500;
    /// <summary>Domain of generated UPNs (defaults to the organization's default domain).</summary>
    public string? Domain { get; set; }
    /// <summary>Self-service Password Management audit events to generate (journeys and admin resets), plus Core Directory noise.</summary>
    public int AuditEvents { get; set; }
    /// <summary>Days back over which generated audit events are spread.</summary>
    public int AuditDays { get; set; } = 30;
}
