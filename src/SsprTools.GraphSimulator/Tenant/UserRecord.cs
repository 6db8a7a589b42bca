namespace SsprTools.GraphSimulator.Tenant;

/// <summary>A user object of the simulated directory.</summary>
internal sealed class UserRecord
{
    public required string Id { get; init; }
    public required string UserPrincipalName { get; init; }
    public required string DisplayName { get; init; }
    public string? GivenName { get; init; }
    public string? Surname { get; init; }
    public string? JobTitle { get; init; }
    public string? Mail { get; init; }
    public string? MobilePhone { get; init; }
    public string? OfficeLocation { get; init; }
    public string? PreferredLanguage { get; init; }
    public bool AccountEnabled { get; init; } = true;
    public string UserType { get; init; } = "Member";
    public bool? OnPremisesSyncEnabled { get; init; }
    public string? OnPremisesImmutableId { get; init; }
    public string? OnPremisesSamAccountName { get; init; }
    public DateTimeOffset CreatedDateTime { get; init; }
    public IReadOnlyList<string> LicenseSkuParts { get; init; } = [];
    public IReadOnlyList<AuthMethod> Methods { get; init; } = [];
    public System.Text.Json.Nodes.JsonObject? RegistrationOverrides { get; init; }
    public string? ExternalUserState { get; init; }
    public string? CreationType { get; init; }
}
