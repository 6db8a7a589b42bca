using SsprTools.Engine.Catalogs;
using SsprTools.Engine.Facts;
using SsprTools.Engine.Rules;
using SsprTools.Model;

namespace SsprTools.Engine.Tests.Rules;

/// <summary>Healthy baseline facts that each test bends in one place.</summary>
internal static class Scenario
{
    public static readonly DateTimeOffset ReadAt = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    public static readonly ResetPredictor Predictor = new();

    public static Evidence GraphCall(string path) => Evidence.Graph("GET", "/v1.0" + path, ReadAt);

    public static Fact<T> Read<T>(T value, string path) => Fact.Read(value, GraphCall(path));

    public static Fact<T> Forbidden<T>(string path) =>
        Fact.Unreadable<T>("403 Authorization_RequestDenied", GraphCall(path));

    public static Fact<T> Stated<T>(T value, string parameter) => Fact.Read(value, Evidence.Parameter(parameter, ReadAt));

    public static SubscribedSku Sku(string partNumber, params string[] planIds) =>
        new("sku-" + partNumber, partNumber, "Enabled", planIds.Select(p => new ServicePlan(p, null, "Success")).ToList());

    public static SubscribedSku EntraP1Sku => Sku("AAD_PREMIUM", "41781fb2-bc02-4b7c-bd55-b576c07bb09d");

    /// <summary>Paid tenant with Entra ID P1, a custom domain, no directory sync, admin SSPR on; writeback and user policy
    /// not stated (Graph cannot read them).</summary>
    public static TenantFacts Tenant() => new()
    {
        TenantId = "84841066-274d-4ec0-a5c1-276be684bdd3",
        AllowedToUseSspr = Read(true, "/policies/authorizationPolicy"),
        OnPremisesSyncEnabled = Read(false, "/organization"),
        VerifiedDomains = Read<IReadOnlyList<VerifiedDomain>>(
            [new VerifiedDomain("contoso.onmicrosoft.com", true), new VerifiedDomain("contoso.com", false)], "/organization"),
        SubscribedSkus = Read<IReadOnlyList<SubscribedSku>>([EntraP1Sku], "/subscribedSkus"),
        Subscriptions = Read<IReadOnlyList<TenantSubscription>>(
            [new TenantSubscription("078d2b04-f1bd-4111-bbd4-b4b1b354cef4", "AAD_PREMIUM", "Enabled", false, ReadAt.AddYears(-2))],
            "/directory/subscriptions"),
    };

    /// <summary>Hybrid tenant: syncing, writeback stated enabled, no synchronized admin stated to be in an on-premises
    /// protected group.</summary>
    public static TenantFacts HybridTenant() => Tenant() with
    {
        OnPremisesSyncEnabled = Read(true, "/organization"),
        PasswordWriteback = Stated(PasswordWritebackState.Enabled, "-PasswordWriteback"),
        OnPremisesProtectedAdmins = Stated(OnPremisesProtectedAdmins.None, "-OnPremisesProtectedAdmins"),
    };

    /// <summary>A licensed, enabled, registered cloud-only member with no roles.</summary>
    public static UserFacts Member() => new()
    {
        Id = "f1847572-48aa-47aa-96a3-2ec61904f41f",
        UserPrincipalName = "AdeleV@contoso.com",
        DisplayName = "Adele Vance",
        AccountEnabled = Read(true, "/users/f1847572"),
        UserType = Read(UserType.Member, "/users/f1847572"),
        OnPremisesSyncEnabled = Read<bool?>(null, "/users/f1847572"),
        OnPremisesImmutableId = Read<string?>(null, "/users/f1847572"),
        AssignedPlans = Read<IReadOnlyList<AssignedPlan>>(
            [new AssignedPlan("41781fb2-bc02-4b7c-bd55-b576c07bb09d", "Enabled", "AADPremiumService")], "/users/f1847572"),
        ProfileContact = Read(new ProfileContactInfo(false, false, false), "/users/f1847572"),
        ActiveRoles = Read<IReadOnlyList<AdminRoleHolding>>([], "/roleManagement/directory/roleAssignments"),
        EligibleRoles = Read<IReadOnlyList<AdminRoleHolding>>([], "/roleManagement/directory/roleEligibilityScheduleInstances"),
        Registration = Read(Registered("mobilePhone", "email"), "/reports/authenticationMethods/userRegistrationDetails/f1847572"),
    };

    public static UserFacts Synced(this UserFacts user) => user with
    {
        OnPremisesSyncEnabled = Read<bool?>(true, "/users/f1847572"),
        OnPremisesImmutableId = Read<string?>("6SNZnFLe6jOI3n68hjO5zA==", "/users/f1847572"),
    };

    /// <summary>A member holding Global Administrator actively and directly, with email and mobile phone registered.</summary>
    public static UserFacts Admin(string roleName = "Global Administrator") =>
        Member().WithActiveRoles(Role(roleName)).WithRegistration(Registered("mobilePhone", "email") with { IsAdmin = true });

    public static UserFacts WithActiveRoles(this UserFacts user, params AdminRoleHolding[] roles) =>
        user with { ActiveRoles = Read<IReadOnlyList<AdminRoleHolding>>(roles, "/roleManagement/directory/roleAssignments") };

    public static UserFacts WithEligibleRoles(this UserFacts user, params AdminRoleHolding[] roles) =>
        user with
        {
            EligibleRoles = Read<IReadOnlyList<AdminRoleHolding>>(
                roles.Select(r => new AdminRoleHolding { RoleName = r.RoleName, RoleTemplateId = r.RoleTemplateId, AssignmentType = RoleAssignmentType.Eligible }).ToList(),
                "/roleManagement/directory/roleEligibilityScheduleInstances"),
        };

    /// <summary>Replaces methodsRegistered, keeping the other flags of the report row.</summary>
    public static UserFacts WithMethods(this UserFacts user, params string[] methods) =>
        user.WithRegistration((user.Registration.Value ?? Registered()) with { MethodsRegistered = methods });

    public static UserFacts WithRegistration(this UserFacts user, RegistrationDetails details) =>
        user with { Registration = Read(details, "/reports/authenticationMethods/userRegistrationDetails/f1847572") };

    public static RegistrationDetails Registered(params string[] methods) => new()
    {
        MethodsRegistered = methods,
        IsSsprEnabled = true,
        IsSsprRegistered = true,
        IsSsprCapable = true,
        LastUpdatedDateTime = ReadAt.AddDays(-1),
    };

    /// <summary>A built-in role holding from the catalog by its listed or current name.</summary>
    public static AdminRoleHolding Role(string name)
    {
        var role = AdminRoleCatalog.Roles.FirstOrDefault(r => r.ListedName == name || r.CurrentName == name);
        return new AdminRoleHolding
        {
            RoleName = name,
            RoleTemplateId = role?.TemplateId ?? "",
            AssignmentType = RoleAssignmentType.Active,
            Via = RoleAssignmentVia.Direct,
        };
    }

    public static ResetPrediction Predict(TenantFacts tenant, UserFacts user) => Predictor.Predict(tenant, user);

    public static Finding Single(this ResetPrediction prediction, string code) =>
        Assert.Single(prediction.Findings, f => f.Code == code);

    public static bool Has(this ResetPrediction prediction, string code) =>
        prediction.Findings.Any(f => f.Code == code);

    /// <summary>The user's live methods (GET /users/{id}/authentication/methods), as the diagnosis's confirmation pass reads them.</summary>
    public static UserFacts WithLiveMethods(this UserFacts user, params RegisteredAuthenticationMethod[] methods) =>
        user with { AuthenticationMethods = Read<IReadOnlyList<RegisteredAuthenticationMethod>>(methods, "/users/f1847572/authentication/methods") };

    public static RegisteredAuthenticationMethod LiveMobilePhone => new("#microsoft.graph.phoneAuthenticationMethod", "mobile");

    public static RegisteredAuthenticationMethod LiveEmail => new("#microsoft.graph.emailAuthenticationMethod");

    public static RegisteredAuthenticationMethod LiveFido2 => new("#microsoft.graph.fido2AuthenticationMethod", null, ReadAt.AddDays(-30));

    /// <summary>Microsoft Authenticator, registered at <paramref name="created"/> (its type has a createdDateTime).</summary>
    public static RegisteredAuthenticationMethod LiveAuthenticator(DateTimeOffset? created = null) =>
        new("#microsoft.graph.microsoftAuthenticatorAuthenticationMethod", null, created);
}

