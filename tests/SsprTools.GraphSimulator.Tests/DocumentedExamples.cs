using System.Text.Json.Nodes;

namespace SsprTools.GraphSimulator.Tests;

/// <summary>Response examples from Microsoft's Graph API reference, used as shape contracts (keys and JSON kinds).</summary>
internal static class DocumentedExamples
{
    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    /// <summary>api-reference/v1.0/api/authorizationpolicy-get.md, response example.</summary>
    public const string AuthorizationPolicy = """
        {
          "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#policies/authorizationPolicy/$entity",
          "id": "authorizationPolicy",
          "allowInvitesFrom": "everyone",
          "allowedToSignUpEmailBasedSubscriptions": true,
          "allowedToUseSSPR": true,
          "allowEmailVerifiedUsersToJoinOrganization": true,
          "allowUserConsentForRiskyApps": false,
          "blockMsolPowerShell": null,
          "displayName": "Authorization Policy",
          "description": "Used to manage authorization related settings across the company.",
          "defaultUserRolePermissions": {
            "allowedToCreateApps": true,
            "allowedToCreateSecurityGroups": true,
            "allowedToReadOtherUsers": true,
            "permissionGrantPoliciesAssigned": ["just-user-read"]
          }
        }
        """;
}

/// <summary>Item examples from the API reference (graph-api.md quotes them with their sources).</summary>
internal static class DocumentedItems
{
    /// <summary>user-list.md, default properties of a listed user.</summary>
    public const string UserDefault = """
        {"businessPhones": [], "displayName": "Conf Room Adams", "givenName": null, "jobTitle": null, "mail": "Adams@contoso.com",
         "mobilePhone": null, "officeLocation": null, "preferredLanguage": null, "surname": null,
         "userPrincipalName": "Adams@contoso.com", "id": "6e7b768e-07e2-4810-8459-485f84f8f204"}
        """;

    /// <summary>user.md properties used by SsprTools (graph-api.md §3.1).</summary>
    public const string UserSelected = """
        {"id": "f1847572-48aa-47aa-96a3-2ec61904f41f", "userPrincipalName": "AdeleV@contoso.com", "displayName": "Adele Vance",
         "accountEnabled": true, "onPremisesSyncEnabled": true, "onPremisesImmutableId": "6SNZnFLe6jOI3n68hjO5zA==", "userType": "Member",
         "assignedLicenses": [{"disabledPlans": [], "skuId": "078d2b04-f1bd-4111-bbd4-b4b1b354cef4"}],
         "assignedPlans": [{"assignedDateTime": "2022-04-03T02:46:42Z", "capabilityStatus": "Enabled", "service": "AADPremiumService", "servicePlanId": "41781fb2-bc02-4b7c-bd55-b576c07bb09d"}]}
        """;

    /// <summary>json-batching.md, a directoryRole inside a membership list.</summary>
    public const string DirectoryRole = """
        {"@odata.type": "#microsoft.graph.directoryRole", "id": "21004afc-7bb2-4fe6-a1e1-074ebd3e52c1", "deletedDateTime": null,
         "description": "Can manage all aspects of users and groups, including resetting passwords for limited admins.",
         "displayName": "User Administrator", "roleTemplateId": "fe930be7-5e62-47db-91af-98c3a49a38b1"}
        """;

    /// <summary>group.md properties (group-get.md example, trimmed).</summary>
    public const string Group = """
        {"id": "02bd9fd6-8f93-4758-87c3-1fb73740a315", "deletedDateTime": null, "classification": null, "createdDateTime": "2017-07-31T18:56:16Z",
         "description": "Welcome to the HR Taskforce team.", "displayName": "HR Taskforce", "groupTypes": [], "isAssignableToRole": true,
         "mail": null, "mailEnabled": false, "mailNickname": "HRTaskforce", "securityEnabled": true, "visibility": null}
        """;

    /// <summary>rbacapplication-list-roleassignments.md example 2.</summary>
    public const string RoleAssignment = """
        {"id": "lAPpYvVpN0KRkAEhdxReEHJ1hPGqSKpHlqMuxhkE9B8-1", "principalId": "f1847572-48aa-47aa-96a3-2ec61904f41f",
         "resourceScope": "/", "directoryScopeId": "/", "roleDefinitionId": "62e90394-69f5-4237-9190-012177145e10"}
        """;

    /// <summary>rbacapplication-list-roledefinitions.md item.</summary>
    public const string RoleDefinition = """
        {"id": "62e90394-69f5-4237-9190-012177145e10", "description": "Can manage all aspects of Microsoft Entra ID.", "displayName": "Global Administrator",
         "isBuiltIn": true, "isEnabled": true, "templateId": "62e90394-69f5-4237-9190-012177145e10", "version": "1",
         "rolePermissions": [{"allowedResourceActions": ["microsoft.directory/users/password/update"], "condition": null}], "inheritsPermissionsFrom": []}
        """;

    /// <summary>rbacapplication-list-roleeligibilityscheduleinstances.md.</summary>
    public const string EligibilityInstance = """
        {"id": "8MYkhImhnkm70CbBdTyW1BbHHAdHgZdDpbqyEFlRzAs-1-e", "principalId": "071cc716-8147-4397-a5ba-b2105951cc0b",
         "roleDefinitionId": "8424c6f0-a189-499e-bbd0-26c1753c96d4", "directoryScopeId": "/", "appScopeId": null,
         "startDateTime": "2022-04-12T14:44:50.287Z", "endDateTime": "2024-04-10T00:00:00Z", "memberType": "Direct",
         "roleEligibilityScheduleId": "77f71919-62f3-4d0c-9f88-0a0391b665cd"}
        """;

    /// <summary>rbacapplication-list-roleeligibilityschedules.md fields.</summary>
    public const string EligibilitySchedule = """
        {"id": "b8a2e8ab-e8a8-4d35-9b45-2b6c6e1ac8f6", "principalId": "3fbd929d-8c56-4462-851e-0eb9a7b3a2a5", "roleDefinitionId": "fdd7a751-b60b-444a-984c-02652fe8fa1c",
         "directoryScopeId": "/", "appScopeId": null, "createdUsing": "b8a2e8ab-e8a8-4d35-9b45-2b6c6e1ac8f6", "createdDateTime": "2022-04-12T14:44:50.287Z",
         "modifiedDateTime": null, "status": "Provisioned", "memberType": "Direct",
         "scheduleInfo": {"startDateTime": "2022-04-12T14:44:50.287Z", "recurrence": null, "expiration": {"type": "noExpiration", "endDateTime": null, "duration": null}}}
        """;

    /// <summary>rbacapplication-list-roleassignmentscheduleinstances.md.</summary>
    public const string AssignmentInstance = """
        {"id": "lAPpYvVpN0KRkAEhdxReEAWz5Gtet_xOv8wxvTtTpfg-1", "principalId": "6be4b305-b75e-4efc-bfcc-31bd3b53a5f8",
         "roleDefinitionId": "62e90394-69f5-4237-9190-012177145e10", "directoryScopeId": "/", "appScopeId": null,
         "startDateTime": null, "endDateTime": null, "assignmentType": "Assigned", "memberType": "Direct",
         "roleAssignmentOriginId": "lAPpYvVpN0KRkAEhdxReEAWz5Gtet_xOv8wxvTtTpfg-1", "roleAssignmentScheduleId": "lAPpYvVpN0KRkAEhdxReEAWz5Gtet_xOv8wxvTtTpfg-1"}
        """;

    /// <summary>authenticationmethodsroot-list-userregistrationdetails.md.</summary>
    public const string RegistrationDetails = """
        {"id": "86462606-fde0-4fc4-9e0c-a20eb73e54c6", "userPrincipalName": "AlexW@Contoso.com", "userDisplayName": "Alex Wilber",
         "isAdmin": false, "isSsprRegistered": false, "isSsprEnabled": false, "isSsprCapable": false, "isMfaRegistered": true, "isMfaCapable": true,
         "isPasswordlessCapable": false, "lastUpdatedDateTime": "2023-03-13T19:15:41.6195833Z",
         "methodsRegistered": ["microsoftAuthenticatorPush", "softwareOneTimePasscode"], "isSystemPreferredAuthenticationMethodEnabled": true,
         "systemPreferredAuthenticationMethods": ["push"], "userPreferredMethodForSecondaryAuthentication": "push", "userType": "member"}
        """;

    /// <summary>authentication-list-methods.md and the method resources.</summary>
    public static readonly Dictionary<string, string> AuthenticationMethods = new()
    {
        ["#microsoft.graph.passwordAuthenticationMethod"] = """{"id": "28c10230-6103-485e-b985-444c60001490", "password": null, "createdDateTime": null}""",
        ["#microsoft.graph.phoneAuthenticationMethod"] = """{"id": "3179e48a-750b-4051-897c-87b9720928f7", "phoneNumber": "+1 2065555555", "phoneType": "mobile", "smsSignInState": "ready"}""",
        ["#microsoft.graph.emailAuthenticationMethod"] = """{"id": "3ddfcfc8-9383-446f-83cc-3ab9be4be18f", "emailAddress": "kim@contoso.com"}""",
        ["#microsoft.graph.microsoftAuthenticatorAuthenticationMethod"] = """{"id": "6bc5a5b5-8e0e-4d6f-9d2a-0a0a0a0a0a0a", "displayName": "iPhone", "deviceTag": "SoftwareTokenActivated", "phoneAppVersion": "6.2001.0140", "createdDateTime": "2020-12-16T06:57:31Z"}""",
        ["#microsoft.graph.softwareOathAuthenticationMethod"] = """{"id": "b172893e-893e-b172-3e89-72b13e8972b1", "secretKey": null}""",
        ["#microsoft.graph.fido2AuthenticationMethod"] = """{"id": "-2_GRUg2-HYz6_1YG4YRAQ2", "displayName": "Red key", "createdDateTime": "2020-08-10T06:44:09Z", "aaGuid": "2fc0579f-8113-47ea-b116-555a8db9202a", "model": "NFC key", "attestationCertificates": ["dbe793efdf1945e2df25d93653a1e8a3268a9075"], "attestationLevel": "attested"}""",
    };

    /// <summary>organization-get.md (graph-api.md §5.2).</summary>
    public const string Organization = """
        {"id": "84841066-274d-4ec0-a5c1-276be684bdd3", "displayName": "Contoso", "tenantType": "AAD",
         "onPremisesLastSyncDateTime": "2024-05-01T10:12:00Z", "onPremisesSyncEnabled": true,
         "assignedPlans": [{"assignedDateTime": "2021-08-02T10:36:57Z", "capabilityStatus": "Enabled", "service": "AADPremiumService", "servicePlanId": "41781fb2-bc02-4b7c-bd55-b576c07bb09d"}],
         "verifiedDomains": [{"capabilities": "Email, OfficeCommunicationsOnline", "isDefault": true, "isInitial": false, "name": "contoso.com", "type": "Managed"}]}
        """;

    /// <summary>subscribedsku-list.md.</summary>
    public const string SubscribedSku = """
        {"accountName": "Sample account One", "accountId": "f97aeefc-af85-414d-8ae4-b457f90efc40", "appliesTo": "User", "capabilityStatus": "Enabled", "consumedUnits": 14,
         "id": "48a80680-7326-48cd-9935-b556b81d3a4e_84a661c4-e949-4bd2-a560-ed7766fcaf2b",
         "prepaidUnits": {"enabled": 25, "lockedOut": 0, "suspended": 0, "warning": 0},
         "servicePlans": [{"servicePlanId": "41781fb2-bc02-4b7c-bd55-b576c07bb09d", "servicePlanName": "AAD_PREMIUM", "provisioningStatus": "Success", "appliesTo": "User"}],
         "skuId": "84a661c4-e949-4bd2-a560-ed7766fcaf2b", "skuPartNumber": "AAD_PREMIUM_P2", "subscriptionIds": ["43d26afe-cb98-48b9-acc4-ae3ef2ac6c51"]}
        """;

    /// <summary>onpremisesdirectorysynchronization-get.md.</summary>
    public const string OnPremisesSynchronization = """
        {"id": "12cce4b4-4ab8-40b7-be4d-f5d7742ec185",
         "configuration": {"accidentalDeletionPrevention": {"synchronizationPreventionType": "enabledForCount", "alertThreshold": 500}},
         "features": {"passwordSyncEnabled": false, "passwordWritebackEnabled": false, "directoryExtensionsEnabled": false,
           "quarantineUponUpnConflictEnabled": true, "quarantineUponProxyAddressesConflictEnabled": true, "softMatchOnUpnEnabled": true,
           "cloudPasswordPolicyForPasswordSyncedUsersEnabled": false, "fopeConflictResolutionEnabled": false, "unifiedGroupWritebackEnabled": false,
           "userWritebackEnabled": false, "deviceWritebackEnabled": false, "synchronizeUpnForManagedUsersEnabled": true,
           "userForcePasswordChangeOnLogonEnabled": false, "concurrentOrgIdProvisioningEnabled": false, "concurrentCredentialUpdateEnabled": false,
           "groupWriteBackEnabled": false, "blockSoftMatchEnabled": false, "blockCloudObjectTakeoverThroughHardMatchEnabled": false,
           "bypassDirSyncOverridesEnabled": false}}
        """;
}
