using SsprTools.GraphSimulator.OData;
using SsprTools.GraphSimulator.Pipeline;
using SsprTools.GraphSimulator.Representations;

namespace SsprTools.GraphSimulator.Endpoints;

/// <summary>
/// /reports/authenticationMethods/userRegistrationDetails (authenticationmethodsroot-list-userregistrationdetails.md).
/// Filterable properties are those the resource page lists; 'id' is not among them, so 'id in (…)' is a 400 — get users one by one.
/// </summary>
internal static class ReportEndpoints
{
    private const string Set = "reports/authenticationMethods/userRegistrationDetails";

    private static readonly CollectionSpec Details = new(Set, "userRegistrationDetails")
    {
        Count = CountRule.Supported,
        OrderBy = ["userPrincipalName", "userDisplayName"],
        Filter = new FilterRules("userRegistrationDetails", new()
        {
            ["isAdmin"] = FilterOps.Eq,
            ["isMfaCapable"] = FilterOps.Eq,
            ["isMfaRegistered"] = FilterOps.Eq,
            ["isPasswordlessCapable"] = FilterOps.Eq,
            ["isSsprCapable"] = FilterOps.Eq,
            ["isSsprEnabled"] = FilterOps.Eq,
            ["isSsprRegistered"] = FilterOps.Eq,
            ["isSystemPreferredAuthenticationMethodEnabled"] = FilterOps.Eq,
            ["methodsRegistered"] = FilterOps.Any,
            ["systemPreferredAuthenticationMethods"] = FilterOps.Any,
            ["userPreferredMethodForSecondaryAuthentication"] = FilterOps.Eq,
            ["userDisplayName"] = FilterOps.Eq | FilterOps.StartsWith,
            ["userPrincipalName"] = FilterOps.Eq | FilterOps.StartsWith,
            ["userType"] = FilterOps.Eq,
        }),
    };

    public static void Map(Router router)
    {
        router.Add("GET", Set, DirectoryAccess.RegistrationReport,
            c => ODataCollection.Respond(c, Details, c.Tenant.Users, u => RegistrationJson.Full(c.Tenant, u)));
        router.Add("GET", Set + "/{id}", DirectoryAccess.RegistrationReport,
            c => GraphResponse.Ok(Representation.Entity(c, RegistrationJson.Full(c.Tenant, c.User()), Set, "userRegistrationDetails")));
    }
}
