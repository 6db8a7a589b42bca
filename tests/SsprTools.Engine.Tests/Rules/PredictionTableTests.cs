using SsprTools.Engine.Facts;
using SsprTools.Model;
using static SsprTools.Engine.Tests.Rules.Scenario;

namespace SsprTools.Engine.Tests.Rules;

/// <summary>Fact combinations and the verdict each must give.</summary>
public class PredictionTableTests
{
    private static readonly Dictionary<string, (Func<TenantFacts> Tenant, Func<UserFacts> User)> Cases = new()
    {
        ["cloud member, healthy"] = (Tenant, Member),
        ["cloud admin, healthy"] = (Tenant, () => Admin()),
        ["cloud admin, switch off"] = (() => Tenant() with { AllowedToUseSspr = Read(false, "/policies/authorizationPolicy") }, () => Admin()),
        ["synced admin, switch off, writeback off"] = (
            () => HybridTenant() with { AllowedToUseSspr = Read(false, "/policies/authorizationPolicy"), PasswordWriteback = Stated(PasswordWritebackState.Disabled, "-PasswordWriteback") },
            () => Admin().Synced()),
        ["cloud admin, one method"] = (Tenant, () => Admin().WithMethods("email")),
        ["cloud admin, switch off and one method"] = (() => Tenant() with { AllowedToUseSspr = Read(false, "/policies/authorizationPolicy") }, () => Admin().WithMethods("email")),
        ["synced admin, healthy"] = (HybridTenant, () => Admin().Synced()),
        ["synced admin, writeback off"] = (() => HybridTenant() with { PasswordWriteback = Stated(PasswordWritebackState.Disabled, "-PasswordWriteback") }, () => Admin().Synced()),
        ["synced admin, writeback unstated"] = (() => HybridTenant() with { PasswordWriteback = Fact.NotCollected<PasswordWritebackState>() }, () => Admin().Synced()),
        ["synced member, writeback off"] = (() => HybridTenant() with { PasswordWriteback = Stated(PasswordWritebackState.Disabled, "-PasswordWriteback") }, () => Member().Synced()),
        ["synced member, no licence for writeback"] = (() => HybridTenant() with { SubscribedSkus = Read<IReadOnlyList<SubscribedSku>>([Sku("O365_BUSINESS_PREMIUM")], "/subscribedSkus") }, () => Member().Synced()),
        ["cloud member, free tenant"] = (() => Tenant() with { SubscribedSkus = Read<IReadOnlyList<SubscribedSku>>([], "/subscribedSkus") }, Member),
        ["cloud admin, free tenant"] = (() => Tenant() with { SubscribedSkus = Read<IReadOnlyList<SubscribedSku>>([], "/subscribedSkus") }, () => Admin()),
        ["cloud member, policy None"] = (() => Tenant() with { UserPolicyScope = Stated(SsprUserPolicyScope.None, "-SsprUserPolicy") }, Member),
        ["cloud member, outside selected group"] = (
            () => Tenant() with { UserPolicyScope = Stated(SsprUserPolicyScope.Selected, "-SsprUserPolicy") },
            () => Member().WithRegistration(Registered("email") with { IsSsprEnabled = false })),
        ["cloud member, not registered"] = (Tenant, () => Member().WithRegistration(Registered() with { IsSsprRegistered = false })),
        ["cloud member, report unreadable"] = (Tenant, () => Member() with { Registration = Forbidden<RegistrationDetails>("/reports/authenticationMethods/userRegistrationDetails/f1847572") }),
        ["eligible-only admin, switch off"] = (() => Tenant() with { AllowedToUseSspr = Read(false, "/policies/authorizationPolicy") }, () => Member().WithEligibleRoles(Role("Global Administrator"))),
        ["guest"] = (Tenant, () => Member() with { UserType = Read(UserType.Guest, "/users/f1847572") }),
        ["disabled member"] = (Tenant, () => Member() with { AccountEnabled = Read(false, "/users/f1847572") }),
        ["nothing collected"] = (() => new TenantFacts(), () => new UserFacts()),
        ["global reader, GA group unread, switch off"] = (SwitchOff, () => Member().WithActiveRoles(GlobalReader) with { RoleListIncomplete = "members of role-assignable group 'Tier0 Admins' could not be read (403 Authorization_RequestDenied)" }),
        ["custom role, switch off"] = (SwitchOff, () => Member().WithActiveRoles(new AdminRoleHolding { RoleName = "Contoso Password Reviewer", RoleTemplateId = "c0570000-0000-4000-8000-00000000c001", IsBuiltIn = false })),
        ["built-in role newer than the list, switch off"] = (SwitchOff, () => Member().WithActiveRoles(new AdminRoleHolding { RoleName = "Teams Reader", RoleTemplateId = "1076ac91-f3d9-41a7-a339-dcdf5f480acc", IsBuiltIn = true })),
        ["global reader only, switch off"] = (SwitchOff, () => Member().WithActiveRoles(GlobalReader)),
        ["global reader only, report isAdmin true, switch off"] = (SwitchOff, () => Member().WithActiveRoles(GlobalReader).WithRegistration(Registered("mobilePhone", "email") with { IsAdmin = true })),
        ["listed role for an administrative unit only, switch off"] = (SwitchOff, () => Member().WithActiveRoles(new AdminRoleHolding { RoleName = "Helpdesk Administrator", RoleTemplateId = "729827e3-9c14-49f7-bb1b-9608f156bbb8", DirectoryScopeId = "/administrativeUnits/ae000000-0000-4000-8000-0000000000a1" })),
        ["report isAdmin without a listed role, switch off"] = (SwitchOff, () => Member().WithRegistration(Registered("mobilePhone", "email") with { IsAdmin = true })),
        ["b2b member admin (#EXT#), switch off"] = (SwitchOff, () => Admin() with { UserPrincipalName = "adele_fabrikam.com#EXT#@contoso.onmicrosoft.com" }),
        ["cloud admin, one method, a second registered after the report"] = (Tenant, () => Admin().WithMethods("email").WithLiveMethods(LiveEmail, LiveAuthenticator(ReadAt.AddMinutes(-20)))),
        ["cloud admin, one method, confirmed live"] = (Tenant, () => Admin().WithMethods("email").WithLiveMethods(LiveEmail)),
        ["cloud admin, one method, live methods refused"] = (Tenant, () => Admin().WithMethods("email") with { AuthenticationMethods = Forbidden<IReadOnlyList<RegisteredAuthenticationMethod>>("/users/f1847572/authentication/methods") }),
        ["cloud member, not registered, a method registered after the report"] = (Tenant, () => Member().WithRegistration(Registered() with { IsSsprRegistered = false }).WithLiveMethods(LiveEmail)),
        ["cloud member, isSsprRegistered missing"] = (Tenant, () => Member().WithRegistration(Registered() with { IsSsprRegistered = null })),
        ["cloud member, isSsprEnabled missing"] = (Tenant, () => Member().WithRegistration(Registered("email") with { IsSsprEnabled = null })),

        // Where Microsoft's pages decide nothing (docs/rules.md, "Decisions on the open questions").
        ["cloud admin, trial under 30 days with custom domain, one method"] = (
            () => Tenant() with { Subscriptions = Read<IReadOnlyList<TenantSubscription>>([new TenantSubscription("s", "AAD_PREMIUM", "Enabled", true, ReadAt.AddDays(-10))], "/directory/subscriptions") },
            () => Admin().WithMethods("email")),
        ["synced admin, protected groups unstated"] = (
            () => HybridTenant() with { OnPremisesProtectedAdmins = Fact.NotCollected<OnPremisesProtectedAdmins>() }, () => Admin().Synced()),
        ["synced admin, adminCount 1"] = (HybridTenant, () => Admin().Synced() with { OnPremisesAdminCount = Stated<int?>(1, "-AdminCount") }),
        ["synced admin, adminCount 0, protected groups unstated"] = (
            () => HybridTenant() with { OnPremisesProtectedAdmins = Fact.NotCollected<OnPremisesProtectedAdmins>() },
            () => Admin().Synced() with { OnPremisesAdminCount = Stated<int?>(0, "-AdminCount") }),
        ["cloud admin, Authenticator push and software code only"] = (Tenant, () => Admin().WithMethods("microsoftAuthenticatorPush", "softwareOneTimePasscode")),
        ["cloud admin, Authenticator and software OATH in the methods API only"] = (
            Tenant,
            () => Admin() with
            {
                Registration = Forbidden<RegistrationDetails>("/reports/authenticationMethods/userRegistrationDetails/f1847572"),
                AuthenticationMethods = Read<IReadOnlyList<RegisteredAuthenticationMethod>>(
                    [new("#microsoft.graph.microsoftAuthenticatorAuthenticationMethod"), new("#microsoft.graph.softwareOathAuthenticationMethod")],
                    "/users/f1847572/authentication/methods"),
            }),
        ["cloud admin, Business Standard without P1, office phone and email"] = (
            () => Tenant() with { SubscribedSkus = Read<IReadOnlyList<SubscribedSku>>([Sku("O365_BUSINESS_PREMIUM")], "/subscribedSkus") },
            () => Admin().WithMethods("officePhone", "email")),
        ["cloud member, not enabled, policy unstated"] = (Tenant, () => Member().WithRegistration(Registered("email") with { IsSsprEnabled = false })),
        ["admin status undecided, switch off, outside selected group"] = (
            () => Tenant() with { AllowedToUseSspr = Read(false, "/policies/authorizationPolicy"), UserPolicyScope = Stated(SsprUserPolicyScope.Selected, "-SsprUserPolicy") },
            () => Member().WithRegistration(Registered("email") with { IsSsprEnabled = false }) with
            {
                ActiveRoles = Forbidden<IReadOnlyList<AdminRoleHolding>>("/roleManagement/directory/roleAssignments"),
            }),
        ["cloud member, Microsoft 365 trial without P1"] = (
            () => Tenant() with
            {
                SubscribedSkus = Read<IReadOnlyList<SubscribedSku>>([Sku("O365_BUSINESS_PREMIUM")], "/subscribedSkus"),
                Subscriptions = Read<IReadOnlyList<TenantSubscription>>([new TenantSubscription("s", "O365_BUSINESS_PREMIUM", "Enabled", true, ReadAt.AddDays(-10))], "/directory/subscriptions"),
            },
            Member),
    };

    private static TenantFacts SwitchOff() => Tenant() with { AllowedToUseSspr = Read(false, "/policies/authorizationPolicy") };

    private static AdminRoleHolding GlobalReader => new() { RoleName = "Global Reader", RoleTemplateId = "f2ef992c-3afb-46b9-b7cf-a126ee74c451", IsBuiltIn = true };

    public static TheoryData<string, string, string?> Verdicts => new()
    {
        { "cloud member, healthy", PredictionOutcome.Succeeds, null },
        { "cloud admin, healthy", PredictionOutcome.Succeeds, null },
        { "cloud admin, switch off", PredictionOutcome.Fails, "SSPR_0009" },
        { "synced admin, switch off, writeback off", PredictionOutcome.Fails, "SSPR_0009" },
        { "cloud admin, one method", PredictionOutcome.Fails, "SSPR_0014" },
        { "cloud admin, switch off and one method", PredictionOutcome.Fails, "SSPR_0009" },
        { "synced admin, healthy", PredictionOutcome.Succeeds, null },
        { "synced admin, writeback off", PredictionOutcome.Fails, "SSPR_0010" },
        { "synced admin, writeback unstated", PredictionOutcome.Unknown, null },
        { "synced member, writeback off", PredictionOutcome.Fails, "SSPR_0010" },
        { "synced member, no licence for writeback", PredictionOutcome.Fails, "SSPR_0012" },
        { "cloud member, free tenant", PredictionOutcome.Fails, "SSPR_0012" },
        { "cloud admin, free tenant", PredictionOutcome.Succeeds, null },
        { "cloud member, policy None", PredictionOutcome.Fails, "SSPR_0009" },
        { "cloud member, outside selected group", PredictionOutcome.Fails, "SSPR_0013" },
        { "cloud member, not registered", PredictionOutcome.Fails, "SSPR_0014" },
        { "cloud member, report unreadable", PredictionOutcome.Unknown, null },
        { "eligible-only admin, switch off", PredictionOutcome.Succeeds, null },
        { "guest", PredictionOutcome.Unknown, null },
        { "disabled member", PredictionOutcome.Unknown, null },
        { "nothing collected", PredictionOutcome.Unknown, null },
        { "global reader, GA group unread, switch off", PredictionOutcome.Unknown, null },
        { "custom role, switch off", PredictionOutcome.Unknown, null },
        { "built-in role newer than the list, switch off", PredictionOutcome.Unknown, null },
        { "global reader only, switch off", PredictionOutcome.Succeeds, null },
        { "global reader only, report isAdmin true, switch off", PredictionOutcome.Succeeds, null },
        { "listed role for an administrative unit only, switch off", PredictionOutcome.Unknown, null },
        { "report isAdmin without a listed role, switch off", PredictionOutcome.Unknown, null },
        { "b2b member admin (#EXT#), switch off", PredictionOutcome.Unknown, null },
        { "cloud admin, one method, a second registered after the report", PredictionOutcome.Unknown, null },
        { "cloud admin, one method, confirmed live", PredictionOutcome.Fails, "SSPR_0014" },
        { "cloud admin, one method, live methods refused", PredictionOutcome.Fails, "SSPR_0014" },
        { "cloud member, not registered, a method registered after the report", PredictionOutcome.Unknown, null },
        { "cloud member, isSsprRegistered missing", PredictionOutcome.Unknown, null },
        { "cloud member, isSsprEnabled missing", PredictionOutcome.Unknown, null },
        { "cloud admin, trial under 30 days with custom domain, one method", PredictionOutcome.Unknown, null },
        { "synced admin, protected groups unstated", PredictionOutcome.Unknown, null },
        { "synced admin, adminCount 1", PredictionOutcome.Fails, "SSPR_0029" },
        { "synced admin, adminCount 0, protected groups unstated", PredictionOutcome.Succeeds, null },
        { "cloud admin, Authenticator push and software code only", PredictionOutcome.Unknown, null },
        { "cloud admin, Authenticator and software OATH in the methods API only", PredictionOutcome.Unknown, null },
        { "cloud admin, Business Standard without P1, office phone and email", PredictionOutcome.Unknown, null },
        { "cloud member, Microsoft 365 trial without P1", PredictionOutcome.Unknown, null },
        { "cloud member, not enabled, policy unstated", PredictionOutcome.Fails, "SSPR_0013" },
        { "admin status undecided, switch off, outside selected group", PredictionOutcome.Fails, "SSPR_0009" },
    };

    [Theory]
    [MemberData(nameof(Verdicts))]
    public void Facts_give_the_expected_verdict(string name, string outcome, string? error)
    {
        var (tenant, user) = Cases[name];

        var prediction = Predict(tenant(), user());

        Assert.Equal((outcome, error), (prediction.Outcome, prediction.PredictedError));
    }

    [Fact]
    public void Every_case_has_a_verdict()
    {
        Assert.Equal(Cases.Keys.OrderBy(k => k), Verdicts.Select(row => (string)row[0]).OrderBy(k => k));
    }
}
