namespace SsprTools.GraphSimulator.Auth;

/// <summary>Who is calling, as read from a validated access token.</summary>
internal sealed record Caller(
    string ObjectId,
    IReadOnlySet<string> Scopes,
    IReadOnlySet<string> Roles,
    string? UserPrincipalName,
    string? AppId)
{
    /// <summary>App-only tokens carry 'roles' and no 'scp'.</summary>
    public bool IsAppOnly => Scopes.Count == 0;

    public string Kind => IsAppOnly ? "application" : "delegated";

    /// <summary>The permissions the token grants in the form its kind uses.</summary>
    public IReadOnlySet<string> Permissions => IsAppOnly ? Roles : Scopes;
}
