using System.Security.Cryptography;
using SsprTools.GraphSimulator.Auth;
using SsprTools.GraphSimulator.Endpoints;
using SsprTools.GraphSimulator.Faults;
using SsprTools.GraphSimulator.Pipeline;
using SsprTools.GraphSimulator.Tenant;

namespace SsprTools.GraphSimulator;

/// <summary>The shared state of one simulator run: tenant, tokens, journal, faults and the Graph routes.</summary>
internal sealed class SimulatorRuntime
{
    public SimulatorRuntime(TenantState tenant, FaultSettings faults, string? journalFile, TimeProvider? clock = null)
    {
        Clock = clock ?? TimeProvider.System;
        Tenant = tenant;
        Faults = faults;
        FaultInjector = new FaultInjector(faults);
        Tokens = new TokenService(tenant.TenantId, Clock);
        Journal = new RequestJournal(journalFile);
        Router = GraphRoutes.Build();
        Pipeline = new GraphPipeline(this);
        IdentityHeader = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    }

    /// <summary>The run's one clock (SimulatorOptions.Clock).</summary>
    public TimeProvider Clock { get; }
    public TenantState Tenant { get; }
    public FaultSettings Faults { get; }
    public FaultInjector FaultInjector { get; }
    public TokenService Tokens { get; }
    public RequestJournal Journal { get; }
    public Router Router { get; }
    public GraphPipeline Pipeline { get; }
    /// <summary>The secret the App Service managed-identity endpoint expects in X-IDENTITY-HEADER.</summary>
    public string IdentityHeader { get; }

    /// <summary>A delegated token for the scenario's signed-in user.</summary>
    public string IssueToken(IEnumerable<string>? scopes, IEnumerable<string>? roles, TimeSpan? lifetime)
    {
        if (roles is not null)
        {
            return Tokens.IssueAppOnly(roles, ManagedIdentityIds.ClientId(Tenant), ManagedIdentityIds.PrincipalId(Tenant), lifetime);
        }
        var user = Tenant.SignedInUser;
        var signedIn = user is null
            ? new SignedInUser(Ids.Derive(Tenant.TenantId, "signed-in"), $"admin@{Tenant.DefaultDomain}", "Simulator Admin")
            : new SignedInUser(user.Id, user.UserPrincipalName, user.DisplayName);
        return Tokens.IssueDelegated(scopes ?? Permissions.All, signedIn, lifetime);
    }
}
