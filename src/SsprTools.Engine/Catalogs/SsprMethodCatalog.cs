using System;
using System.Collections.Generic;
using SsprTools.Engine.Facts;

namespace SsprTools.Engine.Catalogs;

/// <summary>Maps what Graph reports to SSPR gates. Methods that are not SSPR methods (FIDO2, passkeys, Windows Hello,
/// Temporary Access Pass, Authenticator passwordless) map to nothing: concept-sspr-howitworks.md does not list them.</summary>
internal static class SsprMethodCatalog
{
    /// <summary>userRegistrationDetails.methodsRegistered. "softwareOneTimePasscode" cannot be told apart from the
    /// Authenticator app's own code there, so it joins the mobile-app gate.</summary>
    public static SsprGate? FromMethodRegistered(string method) => method.ToLowerInvariant() switch
    {
        "email" => SsprGate.Email,
        "mobilephone" or "alternatemobilephone" => SsprGate.MobilePhone,
        "officephone" => SsprGate.OfficePhone,
        "microsoftauthenticatorpush" or "appnotification" or "appcode" or "softwareonetimepasscode" => SsprGate.MobileApp,
        "hardwareonetimepasscode" => SsprGate.HardwareOathToken,
        "securityquestion" => SsprGate.SecurityQuestions,
        _ => null,
    };

    /// <summary>/users/{id}/authentication/methods, where a third-party software OATH token is its own type.</summary>
    public static SsprGate? FromAuthenticationMethod(RegisteredAuthenticationMethod method)
    {
        var type = method.ODataType.StartsWith("#", StringComparison.Ordinal) ? method.ODataType.Substring(1) : method.ODataType;
        return type.ToLowerInvariant() switch
        {
            "microsoft.graph.emailauthenticationmethod" => SsprGate.Email,
            "microsoft.graph.phoneauthenticationmethod" =>
                LicenceCatalog.Same(method.PhoneType, "office") ? SsprGate.OfficePhone : SsprGate.MobilePhone,
            "microsoft.graph.microsoftauthenticatorauthenticationmethod" => SsprGate.MobileApp,
            "microsoft.graph.softwareoathauthenticationmethod" => SsprGate.SoftwareOathToken,
            "microsoft.graph.hardwareoathauthenticationmethod" => SsprGate.HardwareOathToken,
            _ => null,
        };
    }

    /// <summary>Pre-populated contact data SSPR can use without registration (howto-sspr-authenticationdata.md).</summary>
    public static IEnumerable<SsprGate> FromProfile(ProfileContactInfo contact)
    {
        if (contact.HasMobilePhone)
        {
            yield return SsprGate.MobilePhone;
        }

        if (contact.HasAlternateEmail)
        {
            yield return SsprGate.Email;
        }

        if (contact.HasOfficePhone)
        {
            yield return SsprGate.OfficePhone;
        }
    }

    public static string Describe(SsprGate gate) => gate switch
    {
        SsprGate.Email => "email",
        SsprGate.MobilePhone => "mobile phone",
        SsprGate.OfficePhone => "office phone",
        SsprGate.MobileApp => "Microsoft Authenticator",
        SsprGate.SoftwareOathToken => "software OATH token",
        SsprGate.HardwareOathToken => "hardware OATH token",
        SsprGate.SecurityQuestions => "security questions",
        _ => gate.ToString(),
    };
}
