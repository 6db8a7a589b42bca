using System.Text.Json.Nodes;
using SsprTools.GraphSimulator.Tenant;

namespace SsprTools.GraphSimulator.Representations;

/// <summary>Authentication method resources as /users/{id}/authentication/methods lists them (authentication-list-methods.md).</summary>
internal static class AuthMethodJson
{
    /// <summary>Every user has the password method, with the same well-known id and password always null.</summary>
    public static JsonObject Password(UserRecord user) => new()
    {
        ["@odata.type"] = "#microsoft.graph.passwordAuthenticationMethod",
        ["id"] = AuthMethods.PasswordId,
        ["password"] = null,
        ["createdDateTime"] = Json.Date(user.CreatedDateTime),
    };

    public static JsonObject Render(UserRecord user, AuthMethod m)
    {
        var created = Json.Date(m.CreatedDateTime ?? user.CreatedDateTime.AddDays(7));
        return m.Type switch
        {
            "phone" => new JsonObject
            {
                ["@odata.type"] = "#microsoft.graph.phoneAuthenticationMethod",
                ["id"] = m.Id,
                ["phoneNumber"] = m.PhoneNumber ?? "+1 4255550100",
                ["phoneType"] = m.PhoneType,
                ["smsSignInState"] = "notAllowedByPolicy",
            },
            "email" => new JsonObject
            {
                ["@odata.type"] = "#microsoft.graph.emailAuthenticationMethod",
                ["id"] = m.Id,
                ["emailAddress"] = m.EmailAddress ?? "user@fabrikam.example",
            },
            "microsoftAuthenticator" => new JsonObject
            {
                ["@odata.type"] = "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod",
                ["id"] = m.Id,
                ["displayName"] = m.DisplayName ?? "Phone",
                ["deviceTag"] = "SoftwareTokenActivated",
                ["phoneAppVersion"] = "6.2401.0119",
                ["createdDateTime"] = created,
            },
            "softwareOath" => new JsonObject
            {
                ["@odata.type"] = "#microsoft.graph.softwareOathAuthenticationMethod",
                ["id"] = m.Id,
                ["secretKey"] = null,
            },
            "fido2" => new JsonObject
            {
                ["@odata.type"] = "#microsoft.graph.fido2AuthenticationMethod",
                ["id"] = m.Id,
                ["displayName"] = m.DisplayName ?? "Security key",
                ["createdDateTime"] = created,
                ["aaGuid"] = "2fc0579f-8113-47ea-b116-555a8db9202a",
                ["model"] = "NFC key",
                ["attestationCertificates"] = Json.Strings(["dbe793efdf1945e2df25d93653a1e8a3268a9075"]),
                ["attestationLevel"] = "attested",
            },
            "windowsHelloForBusiness" => new JsonObject
            {
                ["@odata.type"] = "#microsoft.graph.windowsHelloForBusinessAuthenticationMethod",
                ["id"] = m.Id,
                ["displayName"] = m.DisplayName ?? "Laptop",
                ["createdDateTime"] = created,
                ["keyStrength"] = "normal",
            },
            _ => new JsonObject
            {
                ["@odata.type"] = "#microsoft.graph.temporaryAccessPassAuthenticationMethod",
                ["id"] = m.Id,
                ["temporaryAccessPass"] = null,
                ["createdDateTime"] = created,
                ["startDateTime"] = created,
                ["lifetimeInMinutes"] = 60,
                ["isUsableOnce"] = true,
                ["isUsable"] = false,
                ["methodUsabilityReason"] = "Expired",
            },
        };
    }
}
