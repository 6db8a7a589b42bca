namespace SsprTools.Engine.Graph;

/// <summary>
/// A Graph call in the user's terms, with the least-privileged permission Microsoft documents for it
/// and, for delegated sign-in, the least-privileged directory role (null when any member may call it).
/// Errors and unreadable-fact findings quote these.
/// </summary>
public sealed record GraphOperation(string Description, string Method, string Path, string Permission, string? DelegatedRole)
{
    public static readonly GraphOperation ReadAuthorizationPolicy = new(
        "read the authorization policy", "GET", "/policies/authorizationPolicy", "Policy.Read.All", "Global Reader");

    public static readonly GraphOperation UpdateAuthorizationPolicy = new(
        "change the authorization policy", "PATCH", "/policies/authorizationPolicy", "Policy.ReadWrite.Authorization", "Privileged Role Administrator");

    public static readonly GraphOperation ReadOrganization = new(
        "read the organization (directory sync, verified domains)", "GET", "/organization", "Organization.Read.All", null);

    public static readonly GraphOperation ReadSubscribedSkus = new(
        "read the tenant's licences", "GET", "/subscribedSkus", "LicenseAssignment.Read.All", null);

    public static readonly GraphOperation ReadSubscriptions = new(
        "read the tenant's subscriptions (trials)", "GET", "/directory/subscriptions", "LicenseAssignment.Read.All", null);

    public static readonly GraphOperation ReadRoleDefinitions = new(
        "read directory role definitions", "GET", "/roleManagement/directory/roleDefinitions", "RoleManagement.Read.Directory", "Directory Readers");

    public static readonly GraphOperation ReadRoleAssignments = new(
        "read active directory role assignments", "GET", "/roleManagement/directory/roleAssignments", "RoleManagement.Read.Directory", "Directory Readers");

    public static readonly GraphOperation ReadRoleEligibility = new(
        "read PIM-eligible role assignments", "GET", "/roleManagement/directory/roleEligibilityScheduleInstances", "RoleManagement.Read.Directory", "Global Reader");

    public static readonly GraphOperation ReadGroupMembers = new(
        "read members of role-assignable groups", "GET", "/groups/{id}/members", "GroupMember.Read.All", "Directory Readers");

    public static readonly GraphOperation ReadUsers = new(
        "read users", "GET", "/users", "User.Read.All", "Directory Readers");

    public static readonly GraphOperation ReadRegistrationDetails = new(
        "read the authentication methods registration report", "GET", "/reports/authenticationMethods/userRegistrationDetails", "AuditLog.Read.All", "Reports Reader");

    public static readonly GraphOperation ReadAuthenticationMethods = new(
        "read users' authentication methods", "GET", "/users/{id}/authentication/methods", "UserAuthenticationMethod.Read.All", "Privileged Authentication Administrator");

    // directoryaudit-list.md: AuditLog.Read.All; delegated callers also need Reports Reader, Security Reader or Security
    // Administrator (rbac-directoryaudit-apis.md).
    public static readonly GraphOperation ReadDirectoryAudits = new(
        "read the audit log (self-service password reset activity)", "GET", "/auditLogs/directoryAudits", "AuditLog.Read.All", "Reports Reader");
}
