namespace SsprTools.Engine.Catalogs;

/// <summary>The SSPR authentication methods (concept-sspr-howitworks.md, "Authentication methods"). Each counts as one
/// gate of the administrator two-gate policy. Mobile app notification and code are one gate: "users are able to use
/// notification OR verification code" (same page, "Mobile app and SSPR").</summary>
internal enum SsprGate
{
    Email,
    MobilePhone,
    OfficePhone,
    MobileApp,
    SoftwareOathToken,
    HardwareOathToken,
    SecurityQuestions,
}
