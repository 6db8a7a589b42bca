using SsprTools.GraphSimulator.Auth;

namespace SsprTools.GraphSimulator.Pipeline;

/// <summary>Licence an endpoint needs in the tenant (graph-api.md §2.6, §4.1).</summary>
internal enum LicenceRequirement
{
    None,
    /// <summary>Entra ID P1 or P2 (reports): 403 Authentication_RequestFromNonPremiumTenantOrB2CTenant.</summary>
    PremiumP1,
    /// <summary>Entra ID P2 or Governance (PIM): 400 AadPremiumLicenseRequired.</summary>
    PremiumP2,
}

/// <summary>
/// Who may call an endpoint: any of the listed delegated scopes or application roles, per the docs'
/// least-privileged permission tables. A null Application list means app-only access is not supported.
/// </summary>
internal sealed record Access(string[] Delegated, string[]? Application, LicenceRequirement Licence = LicenceRequirement.None)
{
    /// <summary>Any authenticated caller (used by $batch, whose steps are checked one by one).</summary>
    public static readonly Access AnyCaller = new(["*"], ["*"]);

    /// <summary>Same permission names for delegated and application callers.</summary>
    public static Access Either(params string[] permissions) => new(permissions, permissions);

    public Access WithLicence(LicenceRequirement licence) => this with { Licence = licence };

    /// <summary>The 403 this endpoint gives a caller without the permission; null = Authorization_RequestDenied.</summary>
    public Func<GraphError>? Denied { get; init; }

    public bool Allows(Caller caller)
    {
        var accepted = caller.IsAppOnly ? Application : Delegated;
        return accepted is not null && (accepted.Contains("*") || accepted.Any(caller.Permissions.Contains));
    }
}
