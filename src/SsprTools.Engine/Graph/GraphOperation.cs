namespace SsprTools.Engine.Graph;

/// <summary>
/// A Graph call in the user's terms, with the least-privileged permission Microsoft documents for it
/// and, for delegated sign-in, the least-privileged directory role. Errors quote these.
/// </summary>
public sealed record GraphOperation(string Description, string Method, string Path, string Permission, string DelegatedRole)
{
    public static readonly GraphOperation ReadAuthorizationPolicy = new(
        "read the authorization policy", "GET", "/policies/authorizationPolicy", "Policy.Read.All", "Global Reader");

    public static readonly GraphOperation UpdateAuthorizationPolicy = new(
        "change the authorization policy", "PATCH", "/policies/authorizationPolicy", "Policy.ReadWrite.Authorization", "Privileged Role Administrator");
}
