using System;
using System.Collections.Generic;
using System.Linq;
using SsprTools.Model;

namespace SsprTools.Engine.Catalogs;

/// <summary>The 78 roles the administrator ("two-gate") reset policy applies to, in the order of entra-docs
/// docs/identity/authentication/concept-sspr-policy.md, "Administrator reset policy differences" (ms.date 05/15/2025).
/// Template ids: docs/identity/role-based-access-control/permissions-reference.md ("All roles", "Template ID").
/// Notes: "Application Proxy Service Administrator" is the old display name of template 158c047a-… (today Cloud Application
/// Administrator): inferred from AzureAD PowerShell listings, not stated by Microsoft. "Device Administrators" is listed
/// apart from "Microsoft Entra Joined Device Local Administrator" (9f06204d-…); no template id is documented for it, so it
/// is matched by display name only. AdHoc License Administrator, Email Verified User Creator and Mailbox Administrator are
/// deprecated roles without documented template ids. Custom roles are not on the list.</summary>
public static class AdminRoleCatalog
{
    public static IReadOnlyList<AdminPolicyRole> Roles { get; } = new AdminPolicyRole[]
    {
        new("AdHoc License Administrator", null, RoleMappingStatus.DeprecatedWithoutTemplateId),
        new("Application Administrator", "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", RoleMappingStatus.Documented),
        new("Application Proxy Service Administrator", "158c047a-c907-4556-b7ef-446551a6b5f7", RoleMappingStatus.Inferred, "Cloud Application Administrator"),
        new("Attack Simulation Administrator", "c430b396-e693-46cc-96f3-db01bf8bb62a", RoleMappingStatus.Documented),
        new("Attribute Assignment Administrator", "58a13ea3-c632-46ae-9ee0-9c0d43cd7f3d", RoleMappingStatus.Documented),
        new("Attribute Definition Administrator", "8424c6f0-a189-499e-bbd0-26c1753c96d4", RoleMappingStatus.Documented),
        new("Attribute Log Administrator", "5b784334-f94b-471a-a387-e7219fc49ca2", RoleMappingStatus.Documented),
        new("Authentication Administrator", "c4e39bd9-1100-46d3-8c65-fb160da0071f", RoleMappingStatus.Documented),
        new("Authentication Extensibility Administrator", "25a516ed-2fa0-40ea-a2d0-12923a21473a", RoleMappingStatus.Documented),
        new("Authentication Policy Administrator", "0526716b-113d-4c15-b2c8-68e3c22b9f80", RoleMappingStatus.Documented),
        new("Azure DevOps Administrator", "e3973bdf-4987-49ae-837a-ba8e231c7286", RoleMappingStatus.Documented),
        new("Azure Information Protection Administrator", "7495fdc4-34c4-4d15-a289-98788ce399fd", RoleMappingStatus.Documented),
        new("B2C IEF Keyset Administrator", "aaf43236-0c0d-4d5f-883a-6955382ac081", RoleMappingStatus.Documented),
        new("B2C IEF Policy Administrator", "3edaf663-341e-4475-9f94-5c398ef6c070", RoleMappingStatus.Documented),
        new("Billing Administrator", "b0f54661-2d74-4c50-afa3-1ec803f12efe", RoleMappingStatus.Documented),
        new("Cloud App Security Administrator", "892c5842-a9a6-463a-8041-72aa08ca3cf6", RoleMappingStatus.Documented),
        new("Cloud Device Administrator", "7698a772-787b-4ac8-901f-60d6b08affd2", RoleMappingStatus.Documented),
        new("Compliance Administrator", "17315797-102d-40b4-93e0-432062caca18", RoleMappingStatus.Documented),
        new("Compliance Data Administrator", "e6d1a23a-da11-4be4-9570-befc86d067a7", RoleMappingStatus.Documented),
        new("Conditional Access Administrator", "b1be1c3e-b65d-4f19-8427-f6fa0d97feb9", RoleMappingStatus.Documented),
        new("Customer LockBox Access Approver", "5c4f9dcd-47dc-4cf7-8c9a-9e4207cbfc91", RoleMappingStatus.Documented),
        new("Desktop Analytics Administrator", "38a96431-2bdf-4b4c-8b6e-5d3d8abac1a4", RoleMappingStatus.Documented),
        new("Device Administrators", null, RoleMappingStatus.NameOnly),
        new("Directory Synchronization Accounts", "d29b2b05-8046-44ba-8758-1e26182fcf32", RoleMappingStatus.Documented),
        new("Directory Writers", "9360feb5-f418-4baa-8175-e2a00bac4301", RoleMappingStatus.Documented),
        new("Domain Name Administrator", "8329153b-31d0-4727-b945-745eb3bc5f31", RoleMappingStatus.Documented),
        new("Dynamics 365 Administrator", "44367163-eba1-44c3-98af-f5787879f96a", RoleMappingStatus.Documented),
        new("Dynamics 365 Business Central Administrator", "963797fb-eb3b-4cde-8ce3-5878b3f32a3f", RoleMappingStatus.Documented),
        new("Edge Administrator", "3f1acade-1e04-4fbc-9b69-f0302cd84aef", RoleMappingStatus.Documented),
        new("Email Verified User Creator", null, RoleMappingStatus.DeprecatedWithoutTemplateId),
        new("Exchange Administrator", "29232cdf-9323-42fd-ade2-1d097af3e4de", RoleMappingStatus.Documented),
        new("Exchange Recipient Administrator", "31392ffb-586c-42d1-9346-e59415a2cc4e", RoleMappingStatus.Documented),
        new("External ID User Flow Administrator", "6e591065-9bad-43ed-90f3-e9424366d2f0", RoleMappingStatus.Documented),
        new("External ID User Flow Attribute Administrator", "0f971eea-41eb-4569-a71e-57bb8a3eff1e", RoleMappingStatus.Documented),
        new("External Identity Provider Administrator", "be2f45a1-457d-42af-a067-6ec1fa63bc45", RoleMappingStatus.Documented),
        new("Global Administrator", "62e90394-69f5-4237-9190-012177145e10", RoleMappingStatus.Documented),
        new("Global Secure Access Administrator", "ac434307-12b9-4fa1-a708-88bf58caabc1", RoleMappingStatus.Documented),
        new("Groups Administrator", "fdd7a751-b60b-444a-984c-02652fe8fa1c", RoleMappingStatus.Documented),
        new("Helpdesk Administrator", "729827e3-9c14-49f7-bb1b-9608f156bbb8", RoleMappingStatus.Documented),
        new("Hybrid Identity Administrator", "8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2", RoleMappingStatus.Documented),
        new("Identity Governance Administrator", "45d8d3c5-c802-45c6-b32a-1d70b5e1e86e", RoleMappingStatus.Documented),
        new("Insights Administrator", "eb1f4a8d-243a-41f0-9fbd-c7cdf6c5ef7c", RoleMappingStatus.Documented),
        new("Intune Administrator", "3a2c62db-5318-420d-8d74-23affee5d9d5", RoleMappingStatus.Documented),
        new("Knowledge Administrator", "b5a8dcf3-09d5-43a9-a639-8e29ef291470", RoleMappingStatus.Documented),
        new("License Administrator", "4d6ac14f-3453-41d0-bef9-a3e0c569773a", RoleMappingStatus.Documented),
        new("Lifecycle Workflows Administrator", "59d46f88-662b-457b-bceb-5c3809e5908f", RoleMappingStatus.Documented),
        new("Mailbox Administrator", null, RoleMappingStatus.DeprecatedWithoutTemplateId),
        new("Microsoft Entra Joined Device Local Administrator", "9f06204d-73c1-4d4c-880a-6edb90606fd8", RoleMappingStatus.Documented),
        new("Microsoft Hardware Warranty Administrator", "1501b917-7653-4ff9-a4b5-203eaf33784f", RoleMappingStatus.Documented),
        new("Microsoft365 Migration Administrator", "8c8b803f-96e1-4129-9349-20738d9f9652", RoleMappingStatus.Renamed, "Microsoft 365 Migration Administrator"),
        new("Modern Commerce Administrator", "d24aef57-1500-4070-84db-2666f29cf966", RoleMappingStatus.Documented),
        new("Network Administrator", "d37c8bed-0711-4417-ba38-b4abe66ce4c2", RoleMappingStatus.Documented),
        new("Office Apps Administrator", "2b745bdf-0803-4d80-aa65-822c4493daac", RoleMappingStatus.Documented),
        new("Organizational Branding Administrator", "92ed04bf-c94a-4b82-9729-b799a7a4c178", RoleMappingStatus.Documented),
        new("Partner Tier1 Support", "4ba39ca4-527c-499a-b93d-d9b492c50246", RoleMappingStatus.Documented),
        new("Partner Tier2 Support", "e00e864a-17c5-4a4b-9c06-f5b95a8d5bd8", RoleMappingStatus.Documented),
        new("Password Administrator", "966707d0-3269-4727-9be2-8c3a10f19b9d", RoleMappingStatus.Documented),
        new("Permissions Management Administrator", "af78dc32-cf4d-46f9-ba4e-4428526346b5", RoleMappingStatus.Documented),
        new("Power BI Service Administrator", "a9ea8996-122f-4c74-9520-8edcd192826c", RoleMappingStatus.Renamed, "Fabric Administrator"),
        new("Power Platform Administrator", "11648597-926c-4cf3-9c36-bcebb0ba8dcc", RoleMappingStatus.Documented),
        new("Printer Administrator", "644ef478-e28f-4e28-b9dc-3fdde9aa0b1f", RoleMappingStatus.Documented),
        new("Privileged Authentication Administrator", "7be44c8a-adaf-4e2a-84d6-ab2649e08a13", RoleMappingStatus.Documented),
        new("Privileged Role Administrator", "e8611ab8-c189-46e8-94e1-60213ab1f814", RoleMappingStatus.Documented),
        new("Search Administrator", "0964bb5e-9bdb-4d7b-ac29-58e794862a40", RoleMappingStatus.Documented),
        new("Security Administrator", "194ae4cb-b126-40b2-bd5b-6091b380977d", RoleMappingStatus.Documented),
        new("Service Support Administrator", "f023fd81-a637-4b56-95fd-791ac0226033", RoleMappingStatus.Documented),
        new("SharePoint Administrator", "f28a1f50-f6e7-4571-818b-6a12f2af6b6c", RoleMappingStatus.Documented),
        new("Skype for Business Administrator", "75941009-915a-4869-abe7-691bff18279e", RoleMappingStatus.Documented),
        new("Teams Administrator", "69091246-20e8-4a56-aa4d-066075b2a7a8", RoleMappingStatus.Documented),
        new("Teams Communications Administrator", "baf37b3a-610e-45da-9e62-d9d1e5e8914b", RoleMappingStatus.Documented),
        new("Teams Devices Administrator", "3d762c5a-1b6c-493f-843e-55a3b42923d4", RoleMappingStatus.Documented),
        new("User Administrator", "fe930be7-5e62-47db-91af-98c3a49a38b1", RoleMappingStatus.Documented),
        new("Virtual Visits Administrator", "e300d9e7-4a2b-4295-9eff-f1c78b36cc98", RoleMappingStatus.Documented),
        new("Viva Goals Administrator", "92b086b3-e367-4ef2-b869-1de128fb986e", RoleMappingStatus.Documented),
        new("Viva Pulse Administrator", "87761b17-1ed2-4af3-9acd-92a150038160", RoleMappingStatus.Documented),
        new("Windows365 Administrator", "11451d60-acb2-45eb-a7d6-43d0f0125c13", RoleMappingStatus.Renamed, "Windows 365 Administrator"),
        new("Windows Update Deployment Administrator", "32696413-001a-46ae-978c-ce0f6b3620d2", RoleMappingStatus.Documented),
        new("Yammer Administrator", "810a2642-a034-447f-a5e8-41beaa378541", RoleMappingStatus.Documented),
    };

    /// <summary>The listed role a holding is for: by template id, else by display name (listed or current name) for
    /// holdings without a template id and for listed roles without one. Null when the role is not on the list.</summary>
    public static AdminPolicyRole? Match(AdminRoleHolding holding)
    {
        // A custom role is never one of the listed built-in roles, whatever its display name.
        if (holding.IsBuiltIn == false)
        {
            return null;
        }

        var hasTemplateId = !string.IsNullOrWhiteSpace(holding.RoleTemplateId);
        if (hasTemplateId)
        {
            var byId = Roles.FirstOrDefault(r => r.TemplateId is not null && SameText(r.TemplateId, holding.RoleTemplateId));
            if (byId is not null)
            {
                return byId;
            }
        }

        return Roles.FirstOrDefault(r =>
            (!hasTemplateId || r.TemplateId is null)
            && (SameText(r.ListedName, holding.RoleName) || SameText(r.CurrentName, holding.RoleName)));
    }

    /// <summary>False when the match rests only on an inferred name-to-template mapping (the holding carries today's
    /// name, not the name the SSPR page lists).</summary>
    public static bool IsCertainMatch(AdminRoleHolding holding, AdminPolicyRole role) =>
        role.Mapping != RoleMappingStatus.Inferred || SameText(role.ListedName, holding.RoleName);

    private static bool SameText(string? left, string? right) =>
        left is not null && right is not null && string.Equals(left.Trim(), right.Trim(), StringComparison.OrdinalIgnoreCase);
}
