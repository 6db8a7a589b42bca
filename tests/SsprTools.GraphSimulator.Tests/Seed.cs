namespace SsprTools.GraphSimulator.Tests;

/// <summary>Objects of the shipped 'seed' scenario.</summary>
internal static class Seed
{
    public const string TenantId = "b7f3c2a1-5d4e-4f8a-9c1b-0e2d3f4a5b6c";
    public const string GlobalAdmin = "11111111-1111-4111-8111-111111111111";
    public const string GlobalAdminUpn = "grace.admin@contoso.com";
    public const string Helpdesk = "22222222-2222-4222-8222-222222222222";
    public const string GroupAdmin = "33333333-3333-4333-8333-333333333333";
    public const string GroupAdminUpn = "gina.group@contoso.com";
    public const string PimAdmin = "44444444-4444-4444-8444-444444444444";
    public const string SyncedUser = "55555555-5555-4555-8555-555555555555";
    public const string CloudUser = "66666666-6666-4666-8666-666666666666";
    public const string Guest = "77777777-7777-4777-8777-777777777777";
    public const string GuestUpn = "gus_fabrikam.example#EXT#@contoso.onmicrosoft.com";
    public const string Disabled = "88888888-8888-4888-8888-888888888888";
    public const string RoleGroup = "99999999-9999-4999-8999-999999999999";
    public const string AllStaff = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
    public const int UserCount = 8;

    public const string GlobalAdministratorRole = "62e90394-69f5-4237-9190-012177145e10";
    public const string HelpdeskAdministratorRole = "729827e3-9c14-49f7-bb1b-9608f156bbb8";
    public const string UserAdministratorRole = "fe930be7-5e62-47db-91af-98c3a49a38b1";
    public const string PrivilegedRoleAdministratorRole = "e8611ab8-c189-46e8-94e1-60213ab1f814";
}
