using SsprTools.Engine.Catalogs;
using SsprTools.Engine.Facts;
using SsprTools.Engine.Rules;
using SsprTools.Model;
using static SsprTools.Engine.Tests.Rules.Scenario;

namespace SsprTools.Engine.Tests.Catalogs;

public class AdminRoleCatalogTests
{
    [Fact]
    public void Catalog_has_the_78_roles_of_the_sspr_policy_page()
    {
        Assert.Equal(78, AdminRoleCatalog.Roles.Count);
        Assert.Equal(78, AdminRoleCatalog.Roles.Select(r => r.ListedName).Distinct().Count());
    }

    [Fact]
    public void Template_ids_are_unique_lowercase_guids()
    {
        var ids = AdminRoleCatalog.Roles.Where(r => r.TemplateId is not null).Select(r => r.TemplateId!).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.True(Guid.TryParse(id, out _) && id == id.ToLowerInvariant(), id));
    }

    [Fact]
    public void Deprecated_roles_have_no_template_id_and_match_by_name()
    {
        var deprecated = AdminRoleCatalog.Roles.Where(r => r.Mapping == RoleMappingStatus.DeprecatedWithoutTemplateId).ToList();

        Assert.Equal(["AdHoc License Administrator", "Email Verified User Creator", "Mailbox Administrator"], deprecated.Select(r => r.ListedName));
        Assert.All(deprecated, r => Assert.Null(r.TemplateId));
        var match = AdminRoleCatalog.Match(new AdminRoleHolding { RoleName = "mailbox administrator", RoleTemplateId = "00000000-1111-2222-3333-444444444444" });
        Assert.Equal("Mailbox Administrator", match?.ListedName);
    }

    [Fact]
    public void Device_administrators_is_matched_by_name_only_and_not_mapped_to_the_joined_device_role()
    {
        var deviceAdministrators = Assert.Single(AdminRoleCatalog.Roles, r => r.ListedName == "Device Administrators");
        Assert.Null(deviceAdministrators.TemplateId);
        Assert.Equal(RoleMappingStatus.NameOnly, deviceAdministrators.Mapping);

        var joined = AdminRoleCatalog.Match(new AdminRoleHolding { RoleName = "Microsoft Entra Joined Device Local Administrator", RoleTemplateId = "9f06204d-73c1-4d4c-880a-6edb90606fd8" });
        Assert.Equal("Microsoft Entra Joined Device Local Administrator", joined?.ListedName);
    }

    [Theory]
    [InlineData("62e90394-69f5-4237-9190-012177145e10", "Global Administrator")]
    [InlineData("a9ea8996-122f-4c74-9520-8edcd192826c", "Power BI Service Administrator")]
    [InlineData("11451d60-acb2-45eb-a7d6-43d0f0125c13", "Windows365 Administrator")]
    [InlineData("D29B2B05-8046-44BA-8758-1E26182FCF32", "Directory Synchronization Accounts")]
    public void Match_by_template_id_ignores_the_display_name(string templateId, string listedName)
    {
        Assert.Equal(listedName, AdminRoleCatalog.Match(new AdminRoleHolding { RoleName = "renamed", RoleTemplateId = templateId })?.ListedName);
    }

    [Fact]
    public void Renamed_role_matches_by_current_name_without_template_id()
    {
        Assert.Equal("Power BI Service Administrator", AdminRoleCatalog.Match(new AdminRoleHolding { RoleName = "Fabric Administrator" })?.ListedName);
    }

    [Fact]
    public void Listed_name_with_a_foreign_template_id_is_not_matched()
    {
        Assert.Null(AdminRoleCatalog.Match(new AdminRoleHolding { RoleName = "Global Administrator", RoleTemplateId = "00000000-1111-2222-3333-444444444444" }));
    }

    [Fact]
    public void Roles_absent_from_the_page_are_not_matched()
    {
        Assert.Null(AdminRoleCatalog.Match(new AdminRoleHolding { RoleName = "Global Reader", RoleTemplateId = "f2ef992c-3afb-46b9-b7cf-a126ee74c451" }));
    }

    [Fact]
    public void Application_proxy_mapping_is_inferred_unless_the_old_name_is_used()
    {
        var role = AdminRoleCatalog.Roles.Single(r => r.ListedName == "Application Proxy Service Administrator");
        var today = new AdminRoleHolding { RoleName = "Cloud Application Administrator", RoleTemplateId = role.TemplateId! };
        var legacy = new AdminRoleHolding { RoleName = "Application Proxy Service Administrator", RoleTemplateId = role.TemplateId! };

        Assert.False(AdminRoleCatalog.IsCertainMatch(today, role));
        Assert.True(AdminRoleCatalog.IsCertainMatch(legacy, role));
    }

    [Fact]
    public void Describe_admin_lists_active_and_eligible_listed_roles_with_assignment_details()
    {
        var viaGroup = Role("Exchange Administrator");
        viaGroup = new AdminRoleHolding { RoleName = viaGroup.RoleName, RoleTemplateId = viaGroup.RoleTemplateId, Via = RoleAssignmentVia.Group, GroupName = "Mail admins" };
        var user = Member().Synced()
            .WithActiveRoles(viaGroup, new AdminRoleHolding { RoleName = "Global Reader", RoleTemplateId = "f2ef992c-3afb-46b9-b7cf-a126ee74c451" })
            .WithEligibleRoles(Role("Global Administrator"));

        var admin = AdminPolicyScope.DescribeAdmin(user);

        Assert.NotNull(admin);
        Assert.True(admin.IsSynced);
        Assert.Collection(
            admin.Roles,
            r => Assert.Equal(("Exchange Administrator", "Active", "Group", "Mail admins"), (r.RoleName, r.AssignmentType, r.Via, r.GroupName)),
            r => Assert.Equal(("Global Administrator", "Eligible", "Direct"), (r.RoleName, r.AssignmentType, r.Via)));
    }

    [Fact]
    public void Describe_admin_is_null_for_a_user_without_listed_roles()
    {
        Assert.Null(AdminPolicyScope.DescribeAdmin(Member()));
    }

    [Fact]
    public void Describe_admin_includes_roles_the_list_does_not_decide_but_not_known_unlisted_ones()
    {
        var custom = new AdminRoleHolding { RoleName = "Contoso Password Reviewer", RoleTemplateId = "c0570000-0000-4000-8000-00000000c001", IsBuiltIn = false };
        var newer = new AdminRoleHolding { RoleName = "Teams Reader", RoleTemplateId = "1076ac91-f3d9-41a7-a339-dcdf5f480acc", IsBuiltIn = true };
        var globalReader = new AdminRoleHolding { RoleName = "Global Reader", RoleTemplateId = "f2ef992c-3afb-46b9-b7cf-a126ee74c451", IsBuiltIn = true };

        Assert.Equal(["Contoso Password Reviewer"], AdminPolicyScope.DescribeAdmin(Member().WithActiveRoles(custom, globalReader))!.Roles.Select(r => r.RoleName));
        Assert.Equal(["Teams Reader"], AdminPolicyScope.DescribeAdmin(Member().WithEligibleRoles(newer))!.Roles.Select(r => r.RoleName));
        Assert.Null(AdminPolicyScope.DescribeAdmin(Member().WithActiveRoles(globalReader)));
    }
}
