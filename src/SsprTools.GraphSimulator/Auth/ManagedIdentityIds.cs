using SsprTools.GraphSimulator.Tenant;

namespace SsprTools.GraphSimulator.Auth;

/// <summary>Ids of the scenario's system-assigned managed identity (derived from the tenant when the scenario omits them).</summary>
internal static class ManagedIdentityIds
{
    public static string ClientId(TenantState tenant) => tenant.ManagedIdentity.ClientId ?? Ids.Derive(tenant.TenantId, "managedIdentity", "clientId");

    public static string PrincipalId(TenantState tenant) => tenant.ManagedIdentity.PrincipalId ?? Ids.Derive(tenant.TenantId, "managedIdentity", "principalId");
}
