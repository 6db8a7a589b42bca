namespace SsprTools.Engine.Findings;

/// <summary>The stable <c>Finding.Code</c> values.</summary>
public static class FindingCode
{
    public const string GuestResetsInHomeTenant = nameof(GuestResetsInHomeTenant);
    public const string UserTypeUnreadable = nameof(UserTypeUnreadable);
    public const string AccountDisabled = nameof(AccountDisabled);
    public const string AccountStateUnreadable = nameof(AccountStateUnreadable);

    public const string AdminSsprDisabled = nameof(AdminSsprDisabled);
    public const string AdminSsprSwitchUnreadable = nameof(AdminSsprSwitchUnreadable);
    public const string AdminTooFewMethods = nameof(AdminTooFewMethods);
    public const string AdminMethodsUndetermined = nameof(AdminMethodsUndetermined);
    public const string AdminMethodsCounted = nameof(AdminMethodsCounted);

    public const string UserSsprPolicyDisabled = nameof(UserSsprPolicyDisabled);
    public const string UserSsprPolicyUnknown = nameof(UserSsprPolicyUnknown);
    public const string UserNotInSsprScope = nameof(UserNotInSsprScope);
    public const string UserSsprEnablementContradiction = nameof(UserSsprEnablementContradiction);
    public const string UserNotRegistered = nameof(UserNotRegistered);
    public const string UserRegistrationUndetermined = nameof(UserRegistrationUndetermined);
    public const string RegistrationDetailsUnreadable = nameof(RegistrationDetailsUnreadable);

    public const string TenantNotLicensed = nameof(TenantNotLicensed);
    public const string TenantLicenceUndetermined = nameof(TenantLicenceUndetermined);
    public const string UserWithoutEntraPremiumPlan = nameof(UserWithoutEntraPremiumPlan);

    public const string WritebackDisabled = nameof(WritebackDisabled);
    public const string WritebackUnknown = nameof(WritebackUnknown);
    public const string WritebackStatedEnabled = nameof(WritebackStatedEnabled);
    public const string SyncStateUnreadable = nameof(SyncStateUnreadable);
    public const string SyncedAdminProtectedGroup = nameof(SyncedAdminProtectedGroup);
    public const string OnPremisesProtectedAccount = nameof(OnPremisesProtectedAccount);
    public const string OnPremisesProtectionStated = nameof(OnPremisesProtectionStated);

    public const string AdminRolesUnreadable = nameof(AdminRolesUnreadable);
    public const string AdminRoleMappingInferred = nameof(AdminRoleMappingInferred);
    public const string EligibleAdminRoleOnly = nameof(EligibleAdminRoleOnly);
    public const string EligibleRolesUnreadable = nameof(EligibleRolesUnreadable);
    public const string RoleNotOnAdminPolicyList = nameof(RoleNotOnAdminPolicyList);
    public const string RegistrationReportAdminMismatch = nameof(RegistrationReportAdminMismatch);

    public const string AdminRoleListIncomplete = nameof(AdminRoleListIncomplete);
    public const string CustomRoleNotAddressed = nameof(CustomRoleNotAddressed);
    public const string BuiltInRoleNewerThanPolicyList = nameof(BuiltInRoleNewerThanPolicyList);
    public const string AdminRoleScopedToAdministrativeUnit = nameof(AdminRoleScopedToAdministrativeUnit);
    public const string ExternalMemberResetsInHomeTenant = nameof(ExternalMemberResetsInHomeTenant);

    // The registration report is not real-time (howto-authentication-methods-activity.md, "Limitations").
    public const string RegistrationDetailsIncomplete = nameof(RegistrationDetailsIncomplete);
    public const string RegistrationReportStale = nameof(RegistrationReportStale);
    public const string RegistrationReportUnconfirmed = nameof(RegistrationReportUnconfirmed);

    // Observed attempts from the audit log (issue 16).
    public const string ObservedAttemptAgrees = nameof(ObservedAttemptAgrees);
    public const string ObservedAttemptContradicts = nameof(ObservedAttemptContradicts);
    public const string ObservedAttemptNotCompared = nameof(ObservedAttemptNotCompared);
    public const string WritebackObservedWorking = nameof(WritebackObservedWorking);
}
