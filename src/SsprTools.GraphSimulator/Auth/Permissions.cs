namespace SsprTools.GraphSimulator.Auth;

/// <summary>The Graph permission names the simulator enforces (least-privileged tables in the API reference, graph-api.md).</summary>
internal static class Permissions
{
    public const string PolicyReadAll = "Policy.Read.All";
    public const string PolicyReadWriteAuthorization = "Policy.ReadWrite.Authorization";
    public const string UserRead = "User.Read";
    public const string UserReadBasicAll = "User.ReadBasic.All";
    public const string UserReadAll = "User.Read.All";
    public const string UserReadWriteAll = "User.ReadWrite.All";
    public const string GroupReadAll = "Group.Read.All";
    public const string GroupMemberReadAll = "GroupMember.Read.All";
    public const string DirectoryReadAll = "Directory.Read.All";
    public const string DirectoryReadWriteAll = "Directory.ReadWrite.All";
    public const string RoleManagementReadDirectory = "RoleManagement.Read.Directory";
    public const string RoleManagementReadAll = "RoleManagement.Read.All";
    public const string RoleManagementReadWriteDirectory = "RoleManagement.ReadWrite.Directory";
    public const string RoleEligibilityScheduleReadDirectory = "RoleEligibilitySchedule.Read.Directory";
    public const string RoleEligibilityScheduleReadWriteDirectory = "RoleEligibilitySchedule.ReadWrite.Directory";
    public const string RoleAssignmentScheduleReadDirectory = "RoleAssignmentSchedule.Read.Directory";
    public const string RoleAssignmentScheduleReadWriteDirectory = "RoleAssignmentSchedule.ReadWrite.Directory";
    public const string AuditLogReadAll = "AuditLog.Read.All";
    public const string UserAuthenticationMethodReadAll = "UserAuthenticationMethod.Read.All";
    public const string UserAuthenticationMethodReadWriteAll = "UserAuthenticationMethod.ReadWrite.All";
    public const string OrganizationReadAll = "Organization.Read.All";
    public const string LicenseAssignmentReadAll = "LicenseAssignment.Read.All";
    public const string OrganizationReadWriteAll = "Organization.ReadWrite.All";
    public const string OnPremDirectorySynchronizationReadAll = "OnPremDirectorySynchronization.Read.All";
    public const string OnPremDirectorySynchronizationReadWriteAll = "OnPremDirectorySynchronization.ReadWrite.All";

    /// <summary>Every permission above: what the default token grants.</summary>
    public static readonly IReadOnlyList<string> All = typeof(Permissions)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();
}
