namespace SsprTools.Engine.Facts;

/// <summary>One item of GET /v1.0/users/{id}/authentication/methods: its @odata.type
/// (e.g. "#microsoft.graph.phoneAuthenticationMethod") and, for phones, phoneType ("mobile", "alternateMobile", "office").
/// Security questions are not exposed by this API.</summary>
public sealed record RegisteredAuthenticationMethod(string ODataType, string? PhoneType = null);
