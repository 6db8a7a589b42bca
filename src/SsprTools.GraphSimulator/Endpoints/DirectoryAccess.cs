using SsprTools.GraphSimulator.Auth;
using SsprTools.GraphSimulator.Pipeline;
using static SsprTools.GraphSimulator.Auth.Permissions;

namespace SsprTools.GraphSimulator.Endpoints;

/// <summary>Permission sets from the API reference's permission tables (least privileged first).</summary>
internal static class DirectoryAccess
{
    // user-list.md / user-get.md; User.ReadBasic.All is delegated only.
    public static readonly Access Users = new(
        [UserReadBasicAll, UserReadAll, UserReadWriteAll, DirectoryReadAll, DirectoryReadWriteAll],
        [UserReadAll, UserReadWriteAll, DirectoryReadAll, DirectoryReadWriteAll]);

    // user-list-transitivememberof-2-permissions.md (another user's memberships); memberOf uses the same.
    public static readonly Access Memberships = Access.Either(UserReadAll, DirectoryReadAll, DirectoryReadWriteAll, GroupReadAll, GroupMemberReadAll);

    // group-get-permissions.md, group-list-members-permissions.md.
    public static readonly Access Groups = Access.Either(GroupMemberReadAll, GroupReadAll, DirectoryReadAll, DirectoryReadWriteAll);

    // directoryrole-list.md, directoryrole-list-members.md.
    public static readonly Access DirectoryRoles = Access.Either(RoleManagementReadDirectory, DirectoryReadAll, RoleManagementReadWriteDirectory, DirectoryReadWriteAll);

    // rbacapplication-list-roleassignments.md, rbacapplication-list-roledefinitions.md.
    public static readonly Access RoleManagement = Access.Either(RoleManagementReadDirectory, RoleManagementReadAll, DirectoryReadAll, RoleManagementReadWriteDirectory, DirectoryReadWriteAll);

    // rbacapplication-list-roleeligibilityschedules.md (+ instances); PIM needs Entra ID P2.
    public static readonly Access Eligibility = Access.Either(RoleEligibilityScheduleReadDirectory, RoleManagementReadDirectory, RoleManagementReadAll,
        RoleEligibilityScheduleReadWriteDirectory, RoleManagementReadWriteDirectory).WithLicence(LicenceRequirement.PremiumP2);

    // rbacapplication-list-roleassignmentscheduleinstances-permissions.md.
    public static readonly Access AssignmentSchedules = Access.Either(RoleAssignmentScheduleReadDirectory, RoleManagementReadDirectory, RoleManagementReadAll,
        RoleAssignmentScheduleReadWriteDirectory, RoleManagementReadWriteDirectory).WithLicence(LicenceRequirement.PremiumP2);

    // authenticationmethodsroot-list-userregistrationdetails.md; the report needs Entra ID P1/P2.
    public static readonly Access RegistrationReport = Access.Either(AuditLogReadAll).WithLicence(LicenceRequirement.PremiumP1);

    // directoryaudit-list-permissions.md: AuditLog.Read.All for both kinds (open question 5: the stored include adds
    // Directory.Read.All, AuditLogSettings.RequireDirectoryReadAll). The 403 is the one observed for audit reads.
    public static readonly Access AuditLogs = Access.Either(AuditLogReadAll) with { Denied = () => GraphError.AuditPermissionMissing(AuditLogReadAll) };

    // authentication-list-methods.md (other users).
    public static readonly Access AuthenticationMethods = Access.Either(UserAuthenticationMethodReadAll, UserAuthenticationMethodReadWriteAll);

    // organization-get.md: delegated User.Read sees only id, displayName and verifiedDomains.
    public static readonly Access Organization = new(
        [UserRead, OrganizationReadAll, DirectoryReadAll, OrganizationReadWriteAll, DirectoryReadWriteAll],
        [OrganizationReadAll, DirectoryReadAll, OrganizationReadWriteAll, DirectoryReadWriteAll]);

    // subscribedsku-list-permissions.md: LicenseAssignment.Read.All is the least privileged.
    public static readonly Access SubscribedSkus = Access.Either(LicenseAssignmentReadAll, OrganizationReadAll, DirectoryReadAll, DirectoryReadWriteAll, OrganizationReadWriteAll);

    // directory-list-subscriptions (companySubscription list): LicenseAssignment.Read.All, then Directory.Read.All.
    public static readonly Access CompanySubscriptions = Access.Either(LicenseAssignmentReadAll, DirectoryReadAll, DirectoryReadWriteAll);

    // onpremisesdirectorysynchronization-get-permissions.md: application permissions are not supported.
    public static readonly Access OnPremisesSynchronization = new(
        [OnPremDirectorySynchronizationReadAll, OnPremDirectorySynchronizationReadWriteAll], null);
}
