namespace SsprTools.Engine.Connection;

/// <summary>
/// Least-privileged Graph permissions the cmdlets need (Graph permission reference for each API;
/// see README "Permissions"). Writing the admin switch is only asked for when the user asks.
/// </summary>
public static class GraphPermissions
{
    public const string PolicyRead = "Policy.Read.All";
    public const string PolicyWriteAuthorization = "Policy.ReadWrite.Authorization";
    public const string RoleManagementRead = "RoleManagement.Read.Directory";
    public const string UserRead = "User.Read.All";
    public const string AuditLogRead = "AuditLog.Read.All";
    public const string AuthenticationMethodRead = "UserAuthenticationMethod.Read.All";
    public const string GroupMemberRead = "GroupMember.Read.All";
    public const string OrganizationRead = "Organization.Read.All";
    public const string LicenseRead = "LicenseAssignment.Read.All";

    // The last three are beyond the five the diagnosis needs at its core: role-assignable group
    // members (admins via groups), the organization's sync state (User.Read alone returns it as
    // null) and the tenant's licences and trials.
    public static readonly string[] DefaultDelegatedScopes =
    {
        PolicyRead, RoleManagementRead, UserRead, AuditLogRead, AuthenticationMethodRead, GroupMemberRead, OrganizationRead, LicenseRead,
    };
}
