using SsprTools.Model;

namespace SsprTools.Engine.Reporting;

/// <summary>Who generated a report against which tenant: the parts of <see cref="SsprConnection"/> a reader needs.
/// Deliberately without scopes or token lifetimes, and it never holds a token.</summary>
public sealed class ReportConnection
{
    public string? TenantId { get; init; }

    public string? Account { get; init; }

    public string AuthType { get; init; } = "";

    public string Environment { get; init; } = "";

    public string GraphEndpoint { get; init; } = "";

    public static ReportConnection From(SsprConnection connection) => new()
    {
        TenantId = connection.TenantId,
        Account = connection.Account,
        AuthType = connection.AuthType,
        Environment = connection.Environment,
        GraphEndpoint = connection.GraphEndpoint,
    };
}
