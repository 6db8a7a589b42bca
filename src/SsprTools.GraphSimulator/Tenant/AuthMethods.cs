namespace SsprTools.GraphSimulator.Tenant;

/// <summary>Authentication method kinds and how each shows up in userRegistrationDetails.methodsRegistered.</summary>
internal static class AuthMethods
{
    // Well-known method ids (authenticationmethods-overview.md / phoneauthenticationmethod.md); email's is widely observed.
    public const string PasswordId = "28c10230-6103-485e-b985-444c60001490";
    private const string EmailId = "3ddfcfc8-9383-446f-83cc-3ab9be4be18f";
    private static readonly Dictionary<string, string> PhoneIds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mobile"] = "3179e48a-750b-4051-897c-87b9720928f7",
        ["alternateMobile"] = "b6332ec1-7057-4abe-9331-3d72feddfe41",
        ["office"] = "e37fc753-ff3b-4958-9484-eaa9425c82bc",
    };

    public static readonly string[] Types =
        ["phone", "email", "microsoftAuthenticator", "softwareOath", "fido2", "windowsHelloForBusiness", "temporaryAccessPass"];

    public static AuthMethod FromSpec(string userId, MethodSpec spec, int index)
    {
        var type = Types.FirstOrDefault(t => t.Equals(spec.Type, StringComparison.OrdinalIgnoreCase))
            ?? throw new ScenarioException($"Unknown authentication method type '{spec.Type}'. Known: {string.Join(", ", Types)} (security questions are not exposed by Graph).");
        var phoneType = type == "phone" ? spec.PhoneType ?? "mobile" : null;
        if (phoneType is not null && !PhoneIds.ContainsKey(phoneType))
            throw new ScenarioException($"Unknown phoneType '{phoneType}' (mobile, alternateMobile, office).");
        var id = spec.Id ?? type switch
        {
            "phone" => PhoneIds[phoneType!],
            "email" => EmailId,
            _ => Ids.Derive(userId, "method", type, index.ToString()),
        };
        return new AuthMethod(type, id, phoneType, spec.PhoneNumber, spec.EmailAddress, spec.DisplayName, spec.CreatedDateTime);
    }

    /// <summary>The userRegistrationDetails.methodsRegistered value of a method (userregistrationdetails.md).</summary>
    public static string RegisteredName(AuthMethod m) => m.Type switch
    {
        "phone" => m.PhoneType switch { "alternateMobile" => "alternateMobilePhone", "office" => "officePhone", _ => "mobilePhone" },
        "email" => "email",
        "microsoftAuthenticator" => "microsoftAuthenticatorPush",
        "softwareOath" => "softwareOneTimePasscode",
        "fido2" => "fido2",
        "windowsHelloForBusiness" => "windowsHelloForBusiness",
        "temporaryAccessPass" => "temporaryAccessPass",
        _ => m.Type,
    };

    /// <summary>Methods SSPR accepts (concept-sspr-howitworks.md: app notification/code, OATH, email, mobile and office phone).</summary>
    public static bool CountsForSspr(AuthMethod m) => m.Type is "phone" or "email" or "microsoftAuthenticator" or "softwareOath";

    /// <summary>Methods usable as a second factor.</summary>
    public static bool CountsForMfa(AuthMethod m) => m.Type is "phone" or "microsoftAuthenticator" or "softwareOath" or "fido2" or "windowsHelloForBusiness";

    public static bool IsPasswordless(AuthMethod m) => m.Type is "fido2" or "windowsHelloForBusiness";
}
