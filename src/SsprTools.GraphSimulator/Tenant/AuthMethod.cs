namespace SsprTools.GraphSimulator.Tenant;

/// <summary>One registered authentication method (authenticationmethods-overview.md). Security questions are never
/// exposed by Graph v1.0, so they cannot be modelled.</summary>
internal sealed record AuthMethod(
    string Type,
    string Id,
    string? PhoneType = null,
    string? PhoneNumber = null,
    string? EmailAddress = null,
    string? DisplayName = null,
    DateTimeOffset? CreatedDateTime = null);
