using System;

namespace SsprTools.Engine.Facts;

/// <summary>One item of GET /v1.0/users/{id}/authentication/methods: its @odata.type
/// (e.g. "#microsoft.graph.phoneAuthenticationMethod") and, for phones, phoneType ("mobile", "alternateMobile", "office").
/// Security questions are not exposed by this API. CreatedDateTime is the method's createdDateTime where its type has one
/// (Authenticator, FIDO2, Windows Hello, Temporary Access Pass; phone and email have none), else null.</summary>
public sealed record RegisteredAuthenticationMethod(string ODataType, string? PhoneType = null, DateTimeOffset? CreatedDateTime = null);
