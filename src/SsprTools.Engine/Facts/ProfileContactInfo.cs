namespace SsprTools.Engine.Facts;

/// <summary>Which contact fields the user object has (GET /v1.0/users/{id}?$select=mobilePhone,otherMails,businessPhones).
/// SSPR can use a pre-populated mobile phone or alternate email even before the user registers
/// (entra-docs howto-sspr-authenticationdata.md), and Entra Connect maps telephoneNumber to the office phone.</summary>
public sealed record ProfileContactInfo(bool HasMobilePhone, bool HasAlternateEmail, bool HasOfficePhone);
