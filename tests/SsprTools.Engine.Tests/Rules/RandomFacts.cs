using SsprTools.Engine.Catalogs;
using SsprTools.Engine.Facts;
using SsprTools.Engine.Rules;
using SsprTools.Model;
using static SsprTools.Engine.Tests.Rules.Scenario;

namespace SsprTools.Engine.Tests.Rules;

/// <summary>Seeded random fact combinations for invariant tests. <c>allReadable</c> keeps every fact readable and
/// away from the cases Microsoft leaves open (disabled accounts, guests, unlisted SKUs, trials, contact data standing in
/// for registration, inferred role mappings, an office phone without Entra ID P1/P2, a software code beside Microsoft
/// Authenticator).</summary>
internal sealed class RandomFacts(int seed, bool allReadable)
{
    private static readonly string[] Methods =
        ["email", "mobilePhone", "alternateMobilePhone", "officePhone", "microsoftAuthenticatorPush", "softwareOneTimePasscode",
         "hardwareOneTimePasscode", "securityQuestion", "fido2SecurityKey", "windowsHelloForBusiness", "temporaryAccessPass"];

    /// <summary>Without the methods whose count Microsoft leaves open for administrators.</summary>
    private static readonly string[] DecidedMethods = Methods.Except(["officePhone", "softwareOneTimePasscode"]).ToArray();

    private readonly Random random = new(seed);

    public TenantFacts Tenant() => new()
    {
        TenantId = "t",
        AllowedToUseSspr = Maybe(() => Read(Coin(), "/policies/authorizationPolicy")),
        OnPremisesSyncEnabled = Maybe(() => Read(Coin(), "/organization")),
        VerifiedDomains = Maybe(() => Read<IReadOnlyList<VerifiedDomain>>(
            Coin() ? [new("t.onmicrosoft.com", true), new("t.com", false)] : [new("t.onmicrosoft.com", true)], "/organization")),
        SubscribedSkus = Maybe(() => Read<IReadOnlyList<SubscribedSku>>(
            Pick<IReadOnlyList<SubscribedSku>>(allReadable
                ? [[EntraP1Sku], [Sku("O365_BUSINESS_PREMIUM")], [Sku("SPB")], []]
                : [[EntraP1Sku], [Sku("O365_BUSINESS_PREMIUM")], [Sku("SPB")], [Sku("ENTERPRISEPACK")], []]),
            "/subscribedSkus")),
        Subscriptions = Maybe(() => Read<IReadOnlyList<TenantSubscription>>(
            [new TenantSubscription("s", "AAD_PREMIUM", "Enabled", !allReadable && Coin(), ReadAt.AddDays(-Pick(5, 45, 400)))],
            "/directory/subscriptions")),
        PasswordWriteback = Maybe(() => Stated(Pick(PasswordWritebackState.Enabled, PasswordWritebackState.Disabled), "-PasswordWriteback")),
        UserPolicyScope = Maybe(() => Stated(Pick(SsprUserPolicyScope.None, SsprUserPolicyScope.Selected, SsprUserPolicyScope.All), "-SsprUserPolicy")),
        OnPremisesProtectedAdmins = Maybe(() => Stated(OnPremisesProtectedAdmins.None, "-OnPremisesProtectedAdmins")),
    };

    public UserFacts User(TenantFacts tenant)
    {
        var policyAll = tenant.UserPolicyScope.TryGetValue(out var scope) && scope == SsprUserPolicyScope.All;
        var registration = new RegistrationDetails
        {
            MethodsRegistered = (allReadable ? DecidedMethods : Methods).Where(_ => random.Next(4) == 0).ToArray(),
            IsSsprEnabled = (allReadable && policyAll) || Coin(),
            IsSsprRegistered = Coin(),
            IsAdmin = Coin(),
        };
        if (!allReadable && random.Next(8) == 0)
        {
            // A row that leaves its flags out (null): unreadable, never false.
            registration = registration with { IsSsprEnabled = Pick<bool?>(null, registration.IsSsprEnabled), IsSsprRegistered = Pick<bool?>(null, registration.IsSsprRegistered), IsAdmin = Pick<bool?>(null, registration.IsAdmin) };
        }

        var user = new UserFacts
        {
            Id = "u",
            UserPrincipalName = "u@t.com",
            AccountEnabled = Maybe(() => Read(allReadable || Coin(), "/users/u")),
            UserType = Maybe(() => Read(allReadable || Coin() ? UserType.Member : UserType.Guest, "/users/u")),
            OnPremisesSyncEnabled = Maybe(() => Read(Pick<bool?>(true, false, null), "/users/u")),
            AssignedPlans = Maybe(() => Read<IReadOnlyList<AssignedPlan>>(
                Coin() ? [new AssignedPlan("41781fb2-bc02-4b7c-bd55-b576c07bb09d", "Enabled", null)] : [], "/users/u")),
            ProfileContact = Maybe(() => Read(allReadable ? new ProfileContactInfo(false, false, false) : new ProfileContactInfo(Coin(), Coin(), Coin()), "/users/u")),
            ActiveRoles = Maybe(() => Read<IReadOnlyList<AdminRoleHolding>>(
                Pick<IReadOnlyList<AdminRoleHolding>>(allReadable
                    ? [[], [Role("Global Administrator")], [Role("Billing Administrator")], [new AdminRoleHolding { RoleName = "Global Reader" }]]
                    : [[], [Role("Global Administrator")], [new AdminRoleHolding { RoleName = "Cloud Application Administrator", RoleTemplateId = "158c047a-c907-4556-b7ef-446551a6b5f7" }]]),
                "/roleManagement/directory/roleAssignments")),
            EligibleRoles = Maybe(() => Read<IReadOnlyList<AdminRoleHolding>>(
                Coin() ? [] : [new AdminRoleHolding { RoleName = "Global Administrator", RoleTemplateId = "62e90394-69f5-4237-9190-012177145e10", AssignmentType = RoleAssignmentType.Eligible }],
                "/roleManagement/directory/roleEligibilityScheduleInstances")),
            Registration = Maybe(() => Read(registration, "/reports/authenticationMethods/userRegistrationDetails/u")),
            // Live methods only where something may be unknown: they can contradict the report.
            AuthenticationMethods = allReadable || Coin()
                ? Fact.NotCollected<IReadOnlyList<RegisteredAuthenticationMethod>>()
                : Maybe(() => Read<IReadOnlyList<RegisteredAuthenticationMethod>>(
                    Pick<IReadOnlyList<RegisteredAuthenticationMethod>>([], [LiveEmail], [LiveMobilePhone, LiveAuthenticator(ReadAt)], [LiveFido2]), "/users/u/authentication/methods")),
            OnPremisesAdminCount = random.Next(3) == 0 ? Stated(Pick<int?>(0, 1, null), "-AdminCount") : Fact.NotCollected<int?>(),
        };

        // With every fact readable the report agrees with the role data: a row calling a user without a listed role
        // admin is a fact combination that leaves admin status open (AdminStatusQuestions).
        return allReadable ? user with { Registration = Read(registration with { IsAdmin = HoldsListedRole(user) }, "/reports/authenticationMethods/userRegistrationDetails/u") } : user;
    }

    private static bool HoldsListedRole(UserFacts user) =>
        new[] { user.ActiveRoles, user.EligibleRoles }.Any(f => f.TryGetValue(out var roles) && roles.Any(r => AdminRoleCatalog.Match(r) is not null));

    private bool Coin() => random.Next(2) == 0;

    private T Pick<T>(params T[] choices) => choices[random.Next(choices.Length)];

    private Fact<T> Maybe<T>(Func<Fact<T>> read) =>
        allReadable || random.Next(4) != 0 ? read() : Forbidden<T>("/unreadable");
}
