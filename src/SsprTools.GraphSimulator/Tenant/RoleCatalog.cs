namespace SsprTools.GraphSimulator.Tenant;

/// <summary>A built-in Entra role: for built-in roles the definition id equals the template id.</summary>
internal sealed record BuiltInRole(string TemplateId, string DisplayName, string Description);

/// <summary>
/// Built-in roles the simulator knows: every role with a template id named by the SSPR administrator policy
/// (admin-roles.md §1, ids from permissions-reference.md) plus common roles outside that list.
/// </summary>
internal static class RoleCatalog
{
    public const string GlobalAdministrator = "62e90394-69f5-4237-9190-012177145e10";

    public static readonly IReadOnlyList<BuiltInRole> All =
    [
        new("9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", "Application Administrator", "Can create and manage all aspects of app registrations and enterprise apps."),
        new("158c047a-c907-4556-b7ef-446551a6b5f7", "Cloud Application Administrator", "Can create and manage all aspects of app registrations and enterprise apps except App Proxy."),
        new("c430b396-e693-46cc-96f3-db01bf8bb62a", "Attack Simulation Administrator", "Can create and manage all aspects of attack simulation campaigns."),
        new("58a13ea3-c632-46ae-9ee0-9c0d43cd7f3d", "Attribute Assignment Administrator", "Assign custom security attribute keys and values to supported Microsoft Entra objects."),
        new("8424c6f0-a189-499e-bbd0-26c1753c96d4", "Attribute Definition Administrator", "Define and manage the definition of custom security attributes."),
        new("5b784334-f94b-471a-a387-e7219fc49ca2", "Attribute Log Administrator", "Read audit logs and configure diagnostic settings for events related to custom security attributes."),
        new("c4e39bd9-1100-46d3-8c65-fb160da0071f", "Authentication Administrator", "Can access to view, set and reset authentication method information for any non-admin user."),
        new("25a516ed-2fa0-40ea-a2d0-12923a21473a", "Authentication Extensibility Administrator", "Customize sign in and sign up experiences for users by creating and managing custom authentication extensions."),
        new("0526716b-113d-4c15-b2c8-68e3c22b9f80", "Authentication Policy Administrator", "Can create and manage the authentication methods policy, tenant-wide MFA settings, password protection policy, and verifiable credentials."),
        new("e3973bdf-4987-49ae-837a-ba8e231c7286", "Azure DevOps Administrator", "Can manage Azure DevOps policies and settings."),
        new("7495fdc4-34c4-4d15-a289-98788ce399fd", "Azure Information Protection Administrator", "Can manage all aspects of the Azure Information Protection product."),
        new("aaf43236-0c0d-4d5f-883a-6955382ac081", "B2C IEF Keyset Administrator", "Can manage secrets for federation and encryption in the Identity Experience Framework (IEF)."),
        new("3edaf663-341e-4475-9f94-5c398ef6c070", "B2C IEF Policy Administrator", "Can create and manage trust framework policies in the Identity Experience Framework (IEF)."),
        new("b0f54661-2d74-4c50-afa3-1ec803f12efe", "Billing Administrator", "Can perform common billing related tasks like updating payment information."),
        new("892c5842-a9a6-463a-8041-72aa08ca3cf6", "Cloud App Security Administrator", "Can manage all aspects of the Defender for Cloud Apps product."),
        new("7698a772-787b-4ac8-901f-60d6b08affd2", "Cloud Device Administrator", "Limited access to manage devices in Microsoft Entra ID."),
        new("17315797-102d-40b4-93e0-432062caca18", "Compliance Administrator", "Can read and manage compliance configuration and reports in Microsoft Entra ID and Microsoft 365."),
        new("e6d1a23a-da11-4be4-9570-befc86d067a7", "Compliance Data Administrator", "Creates and manages compliance content."),
        new("b1be1c3e-b65d-4f19-8427-f6fa0d97feb9", "Conditional Access Administrator", "Can manage Conditional Access capabilities."),
        new("5c4f9dcd-47dc-4cf7-8c9a-9e4207cbfc91", "Customer LockBox Access Approver", "Can approve Microsoft support requests to access customer organizational data."),
        new("38a96431-2bdf-4b4c-8b6e-5d3d8abac1a4", "Desktop Analytics Administrator", "Can access and manage Desktop management tools and services."),
        new("d29b2b05-8046-44ba-8758-1e26182fcf32", "Directory Synchronization Accounts", "Only used by Microsoft Entra Connect service."),
        new("9360feb5-f418-4baa-8175-e2a00bac4301", "Directory Writers", "Can read and write basic directory information. For granting access to applications, not intended for users."),
        new("8329153b-31d0-4727-b945-745eb3bc5f31", "Domain Name Administrator", "Can manage domain names in cloud and on-premises."),
        new("44367163-eba1-44c3-98af-f5787879f96a", "Dynamics 365 Administrator", "Can manage all aspects of the Dynamics 365 product."),
        new("963797fb-eb3b-4cde-8ce3-5878b3f32a3f", "Dynamics 365 Business Central Administrator", "Access and perform all administrative tasks on Dynamics 365 Business Central environments."),
        new("3f1acade-1e04-4fbc-9b69-f0302cd84aef", "Edge Administrator", "Manage all aspects of Microsoft Edge."),
        new("29232cdf-9323-42fd-ade2-1d097af3e4de", "Exchange Administrator", "Can manage all aspects of the Exchange product."),
        new("31392ffb-586c-42d1-9346-e59415a2cc4e", "Exchange Recipient Administrator", "Can create or update Exchange Online recipients within the Exchange Online organization."),
        new("6e591065-9bad-43ed-90f3-e9424366d2f0", "External ID User Flow Administrator", "Can create and manage all aspects of user flows."),
        new("0f971eea-41eb-4569-a71e-57bb8a3eff1e", "External ID User Flow Attribute Administrator", "Can create and manage the attribute schema available to all user flows."),
        new("be2f45a1-457d-42af-a067-6ec1fa63bc45", "External Identity Provider Administrator", "Can configure identity providers for use in direct federation."),
        new(GlobalAdministrator, "Global Administrator", "Can manage all aspects of Microsoft Entra ID and Microsoft services that use Microsoft Entra identities."),
        new("ac434307-12b9-4fa1-a708-88bf58caabc1", "Global Secure Access Administrator", "Create and manage all aspects of Microsoft Entra Internet Access and Microsoft Entra Private Access."),
        new("fdd7a751-b60b-444a-984c-02652fe8fa1c", "Groups Administrator", "Members of this role can create/manage groups, create/manage groups settings like naming and expiration policies, and view groups activity and audit reports."),
        new("729827e3-9c14-49f7-bb1b-9608f156bbb8", "Helpdesk Administrator", "Can reset passwords for non-administrators and Helpdesk Administrators."),
        new("8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2", "Hybrid Identity Administrator", "Can manage Active Directory to Microsoft Entra cloud provisioning, Microsoft Entra Connect, pass-through authentication (PTA), password hash synchronization (PHS), seamless single sign-on (seamless SSO), and federation settings."),
        new("45d8d3c5-c802-45c6-b32a-1d70b5e1e86e", "Identity Governance Administrator", "Manage access using Microsoft Entra ID for identity governance scenarios."),
        new("eb1f4a8d-243a-41f0-9fbd-c7cdf6c5ef7c", "Insights Administrator", "Has administrative access in the Microsoft 365 Insights app."),
        new("3a2c62db-5318-420d-8d74-23affee5d9d5", "Intune Administrator", "Can manage all aspects of the Intune product."),
        new("b5a8dcf3-09d5-43a9-a639-8e29ef291470", "Knowledge Administrator", "Can configure knowledge, learning, and other intelligent features."),
        new("4d6ac14f-3453-41d0-bef9-a3e0c569773a", "License Administrator", "Can manage product licenses on users and groups."),
        new("59d46f88-662b-457b-bceb-5c3809e5908f", "Lifecycle Workflows Administrator", "Create and manage all aspects of workflows and tasks associated with Lifecycle Workflows in Microsoft Entra ID."),
        new("9f06204d-73c1-4d4c-880a-6edb90606fd8", "Microsoft Entra Joined Device Local Administrator", "Users assigned to this role are added to the local administrators group on Microsoft Entra joined devices."),
        new("1501b917-7653-4ff9-a4b5-203eaf33784f", "Microsoft Hardware Warranty Administrator", "Create and manage all aspects warranty claims and entitlements for Microsoft manufactured hardware, like Surface and HoloLens."),
        new("8c8b803f-96e1-4129-9349-20738d9f9652", "Microsoft 365 Migration Administrator", "Perform all migration functionality to migrate content to Microsoft 365 using Migration Manager."),
        new("d24aef57-1500-4070-84db-2666f29cf966", "Modern Commerce Administrator", "Can manage commercial purchases for a company, department or team."),
        new("d37c8bed-0711-4417-ba38-b4abe66ce4c2", "Network Administrator", "Can manage network locations and review enterprise network design insights for Microsoft 365 Software as a Service applications."),
        new("2b745bdf-0803-4d80-aa65-822c4493daac", "Office Apps Administrator", "Can manage Office apps cloud services, including policy and settings management, and manage the ability to select, unselect and publish 'what's new' feature content to end-user's devices."),
        new("92ed04bf-c94a-4b82-9729-b799a7a4c178", "Organizational Branding Administrator", "Manage all aspects of organizational branding in a tenant."),
        new("4ba39ca4-527c-499a-b93d-d9b492c50246", "Partner Tier1 Support", "Do not use - not intended for general use."),
        new("e00e864a-17c5-4a4b-9c06-f5b95a8d5bd8", "Partner Tier2 Support", "Do not use - not intended for general use."),
        new("966707d0-3269-4727-9be2-8c3a10f19b9d", "Password Administrator", "Can reset passwords for non-administrators and Password Administrators."),
        new("af78dc32-cf4d-46f9-ba4e-4428526346b5", "Permissions Management Administrator", "Manage all aspects of Microsoft Entra Permissions Management."),
        new("a9ea8996-122f-4c74-9520-8edcd192826c", "Fabric Administrator", "Manage all aspects of the Fabric and Power BI products."),
        new("11648597-926c-4cf3-9c36-bcebb0ba8dcc", "Power Platform Administrator", "Can create and manage all aspects of Microsoft Dynamics 365, Power Apps and Power Automate."),
        new("644ef478-e28f-4e28-b9dc-3fdde9aa0b1f", "Printer Administrator", "Can manage all aspects of printers and printer connectors."),
        new("7be44c8a-adaf-4e2a-84d6-ab2649e08a13", "Privileged Authentication Administrator", "Can access to view, set and reset authentication method information for any user (admin or non-admin)."),
        new("e8611ab8-c189-46e8-94e1-60213ab1f814", "Privileged Role Administrator", "Can manage role assignments in Microsoft Entra ID, and all aspects of Privileged Identity Management."),
        new("0964bb5e-9bdb-4d7b-ac29-58e794862a40", "Search Administrator", "Can create and manage all aspects of Microsoft Search settings."),
        new("194ae4cb-b126-40b2-bd5b-6091b380977d", "Security Administrator", "Can read security information and reports, and manage configuration in Microsoft Entra ID and Office 365."),
        new("f023fd81-a637-4b56-95fd-791ac0226033", "Service Support Administrator", "Can read service health information and manage support tickets."),
        new("f28a1f50-f6e7-4571-818b-6a12f2af6b6c", "SharePoint Administrator", "Can manage all aspects of the SharePoint service."),
        new("75941009-915a-4869-abe7-691bff18279e", "Skype for Business Administrator", "Can manage all aspects of the Skype for Business product."),
        new("69091246-20e8-4a56-aa4d-066075b2a7a8", "Teams Administrator", "Can manage the Microsoft Teams service."),
        new("baf37b3a-610e-45da-9e62-d9d1e5e8914b", "Teams Communications Administrator", "Can manage calling and meetings features within the Microsoft Teams service."),
        new("3d762c5a-1b6c-493f-843e-55a3b42923d4", "Teams Devices Administrator", "Can perform management related tasks on Teams certified devices."),
        new("fe930be7-5e62-47db-91af-98c3a49a38b1", "User Administrator", "Can manage all aspects of users and groups, including resetting passwords for limited admins."),
        new("e300d9e7-4a2b-4295-9eff-f1c78b36cc98", "Virtual Visits Administrator", "Manage and share Virtual Visits information and metrics from admin centers or the Virtual Visits app."),
        new("92b086b3-e367-4ef2-b869-1de128fb986e", "Viva Goals Administrator", "Manage and configure all aspects of Microsoft Viva Goals."),
        new("87761b17-1ed2-4af3-9acd-92a150038160", "Viva Pulse Administrator", "Can manage all settings for Microsoft Viva Pulse app."),
        new("11451d60-acb2-45eb-a7d6-43d0f0125c13", "Windows 365 Administrator", "Can provision and manage all aspects of Cloud PCs."),
        new("32696413-001a-46ae-978c-ce0f6b3620d2", "Windows Update Deployment Administrator", "Can create and manage all aspects of Windows Update deployments through the Windows Update for Business deployment service."),
        new("810a2642-a034-447f-a5e8-41beaa378541", "Yammer Administrator", "Manage all aspects of the Yammer service."),
        // Roles outside the SSPR administrator list (admin-roles.md, "Roles absent from the SSPR list").
        new("f2ef992c-3afb-46b9-b7cf-a126ee74c451", "Global Reader", "Can read everything that a Global Administrator can, but not update anything."),
        new("5d6b6bb7-de71-4623-b4af-96380a352509", "Security Reader", "Can read security information and reports in Microsoft Entra ID and Office 365."),
        new("5f2222b1-57c3-48ba-8ad5-d4759f1fde6f", "Security Operator", "Creates and manages security events."),
        new("4a5d8f65-41da-4de4-8968-e035b65339cf", "Reports Reader", "Can read sign-in and audit reports."),
        new("95e79109-95c0-4d8e-aee3-d01accf2d47b", "Guest Inviter", "Can invite guest users independent of the 'members can invite guests' setting."),
        new("cf1c38e5-3621-4004-a7cb-879624dced7c", "Application Developer", "Can create application registrations independent of the 'Users can register applications' setting."),
        new("88d8e3e3-8f55-4a1e-953a-9b9898b8876b", "Directory Readers", "Can read basic directory information. Commonly used to grant directory read access to applications and guests."),
        new("790c1fb9-7f7d-4f88-86a1-ef1f95c05c1b", "Message Center Reader", "Can read messages and updates for their organization in Message Center only."),
        // A built-in role added after the SSPR list's review (role-based-access-control/whats-new.md: August 2025).
        new("1076ac91-f3d9-41a7-a339-dcdf5f480acc", "Teams Reader", "Read everything in the Teams admin center, but not update anything."),
    ];

    private static readonly Dictionary<string, BuiltInRole> ByKey = All
        .SelectMany(r => new[] { (Key: r.TemplateId, Role: r), (Key: r.DisplayName, Role: r) })
        .Concat(Aliases())
        .ToDictionary(p => p.Key, p => p.Role, StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds a role by template id, display name or the older name the SSPR policy page uses.</summary>
    public static BuiltInRole? Find(string idOrName) => ByKey.GetValueOrDefault(idOrName.Trim());

    // Names used on the SSPR policy page for renamed roles (admin-roles.md "renamed"/"inferred").
    private static IEnumerable<(string Key, BuiltInRole Role)> Aliases()
    {
        (string Alias, string TemplateId)[] aliases =
        [
            ("Application Proxy Service Administrator", "158c047a-c907-4556-b7ef-446551a6b5f7"),
            ("Microsoft365 Migration Administrator", "8c8b803f-96e1-4129-9349-20738d9f9652"),
            ("Power BI Service Administrator", "a9ea8996-122f-4c74-9520-8edcd192826c"),
            ("Windows365 Administrator", "11451d60-acb2-45eb-a7d6-43d0f0125c13"),
        ];
        return aliases.Select(a => (a.Alias, All.First(r => r.TemplateId == a.TemplateId)));
    }
}
