using System;
using System.Collections.Generic;
using System.Linq;
using SsprTools.Model;

namespace SsprTools.Engine.Catalogs;

/// <summary>A built-in role that existed when the administrator reset policy list was last reviewed and is not on it.</summary>
/// <param name="Name">Display name in permissions-reference.md.</param>
/// <param name="TemplateId">Template id ("All roles" table).</param>
/// <param name="Source">The Microsoft page (and its date) that shows the role existed by then.</param>
public sealed record UnlistedBuiltInRole(string Name, string TemplateId, string Source);

/// <summary>Built-in roles Microsoft's list leaves out on purpose, as far as the pages show. The list
/// (concept-sspr-policy.md, "Administrator reset policy differences") carries ms.date 05/15/2025; a built-in role that
/// existed by then and is not listed is taken as not covered. A role added later may or may not be covered, so its
/// holder's admin status is undecided. Rows: every role of the "All roles" table of permissions-reference.md (ms.date
/// 05/26/2025, the version nearest after the list) that is not on the list, minus Microsoft Graph Data Connect
/// Administrator (ee67aa9c-…), which the RBAC what's-new page (role-based-access-control/whats-new.md) shows as added in
/// May 2025, the list's own month. Cloud Application Administrator is not here: <see cref="AdminRoleCatalog"/> maps it to
/// the listed "Application Proxy Service Administrator" by inference. How to update: docs/rules.md, "Role list".</summary>
public static class UnlistedBuiltInRoles
{
    private const string Since2021 = "permissions-reference.md, ms.date 02/17/2021 (azure-docs)";
    private const string Before2025 = "permissions-reference.md, ms.date 05/26/2025; not among the roles whats-new.md shows as added in 2024 or 2025";

    private static string Added(string month) => $"permissions-reference.md, ms.date 05/26/2025; whats-new.md: added {month}";

    public static IReadOnlyList<UnlistedBuiltInRole> Roles { get; } = new UnlistedBuiltInRole[]
    {
        new("AI Administrator", "d2562ede-74db-457e-a7b6-544e236ebb61", Added("November 2024")),
        new("Application Developer", "cf1c38e5-3621-4004-a7cb-879624dced7c", Since2021),
        new("Attack Payload Author", "9c6df0f2-1e7c-4dc3-b195-66dfbd24aa8f", Since2021),
        new("Attribute Assignment Reader", "ffd52fa5-98dc-465c-991d-fc073eb59f8f", Before2025),
        new("Attribute Definition Reader", "1d336d2c-4ae8-42ef-9711-b3604ce3fc2c", Before2025),
        new("Attribute Log Reader", "9c99539d-8186-4804-835f-fd51ef9e2dcd", Before2025),
        new("Attribute Provisioning Administrator", "ecb2c6bf-0ab6-418e-bd87-7986f8d63bbe", Before2025),
        new("Attribute Provisioning Reader", "422218e4-db15-4ef9-bbe0-8afb41546d79", Before2025),
        new("Directory Readers", "88d8e3e3-8f55-4a1e-953a-9b9898b8876b", Since2021),
        new("Global Reader", "f2ef992c-3afb-46b9-b7cf-a126ee74c451", Since2021),
        new("Global Secure Access Log Reader", "843318fb-79a6-4168-9e6f-aa9a07481cc4", Added("February 2025")),
        new("Guest Inviter", "95e79109-95c0-4d8e-aee3-d01accf2d47b", Since2021),
        new("Insights Analyst", "25df335f-86eb-4119-b717-0ff02de207e9", Before2025),
        new("Insights Business Leader", "31e939ad-9672-4796-9c2e-873181342d2d", Since2021),
        new("IoT Device Administrator", "2ea5ce4c-b2d8-4668-bd81-3680bd2d227a", Added("March 2025")),
        new("Kaizala Administrator", "74ef975b-6605-40af-a5d2-b9539d836353", Since2021),
        new("Knowledge Manager", "744ec460-397e-42ad-a462-8b3f9747a02c", Before2025),
        new("Message Center Privacy Reader", "ac16e43d-7b2d-40e0-ac05-243ff356ab5b", Since2021),
        new("Message Center Reader", "790c1fb9-7f7d-4f88-86a1-ef1f95c05c1b", Since2021),
        new("Microsoft 365 Backup Administrator", "1707125e-0aa2-4d4d-8655-a7c786c76a25", Added("February 2025")),
        new("Microsoft Hardware Warranty Specialist", "281fe777-fb20-4fbb-b7a3-ccebce5b0d96", Before2025),
        new("Organizational Messages Approver", "e48398e2-f4bb-4074-8f31-4586725e205b", Before2025),
        new("Organizational Messages Writer", "507f53e4-4e52-4077-abd3-d2e1558b6ea2", Before2025),
        new("People Administrator", "024906de-61e5-49c8-8572-40335f1e0e10", Added("March 2025")),
        new("Printer Technician", "e8cef6f1-e4bd-4ea8-bc07-4b8d950f4477", Since2021),
        new("Reports Reader", "4a5d8f65-41da-4de4-8968-e035b65339cf", Since2021),
        new("Search Editor", "8835291a-918c-4fd7-a9ce-faa49f0cf7d9", Since2021),
        new("Security Operator", "5f2222b1-57c3-48ba-8ad5-d4759f1fde6f", Since2021),
        new("Security Reader", "5d6b6bb7-de71-4623-b4af-96380a352509", Since2021),
        new("SharePoint Embedded Administrator", "1a7d78b6-429f-476b-b8eb-35fb715fffd4", Added("May 2024")),
        new("Teams Communications Support Engineer", "f70938a0-fc10-4177-9e90-2178f8765737", Since2021),
        new("Teams Communications Support Specialist", "fcf91098-03e3-41a9-b5ba-6f0ec8188a12", Since2021),
        new("Teams Telephony Administrator", "aa38014f-0993-46e9-9b45-30501a20909d", Added("May 2024")),
        new("Tenant Creator", "112ca1a2-15ad-4102-995e-45b0bc479a6a", Before2025),
        new("Usage Summary Reports Reader", "75934031-6c7e-415a-99d7-48dbd49e875e", Since2021),
        new("User Experience Success Manager", "27460883-1df1-4691-b032-3b79643e5e63", Added("June 2024")),
        new("Viva Glint Tenant Administrator", "0ec3f692-38d6-4d14-9e69-0377ca7797ad", Added("March 2025")),
    };

    /// <summary>The row for a holding: by template id, or by display name when the holding has none. Null for custom
    /// roles and for built-in roles this table does not know.</summary>
    public static UnlistedBuiltInRole? Match(AdminRoleHolding holding)
    {
        if (holding.IsBuiltIn == false)
        {
            return null;
        }

        return string.IsNullOrWhiteSpace(holding.RoleTemplateId)
            ? Roles.FirstOrDefault(r => string.Equals(r.Name, holding.RoleName?.Trim(), StringComparison.OrdinalIgnoreCase))
            : Roles.FirstOrDefault(r => string.Equals(r.TemplateId, holding.RoleTemplateId.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
