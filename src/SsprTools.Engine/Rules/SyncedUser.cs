using SsprTools.Engine.Facts;
using SsprTools.Engine.Findings;

namespace SsprTools.Engine.Rules;

/// <summary>Whether the user's password is managed on-premises: user.onPremisesSyncEnabled is true (graph-api.md §3.1:
/// true synced, false no longer synced, null never synced).</summary>
internal static class SyncedUser
{
    /// <summary>Null when unreadable; when the user's flag is unreadable but the tenant readably does not sync,
    /// the user cannot be synchronized.</summary>
    public static bool? IsSynced(UserFacts user, TenantFacts? tenant = null)
    {
        if (user.OnPremisesSyncEnabled.TryGetValue(out var synced))
        {
            return synced == true;
        }

        return tenant is not null && tenant.OnPremisesSyncEnabled.TryGetValue(out var tenantSyncs) && !tenantSyncs
            ? false
            : null;
    }

    public static string Evidence(UserFacts user) => FactText.Join(
        FactText.Describe("user.onPremisesSyncEnabled", user.OnPremisesSyncEnabled),
        user.OnPremisesImmutableId.TryGetValue(out var anchor) && anchor is not null
            ? FactText.Describe("onPremisesImmutableId", user.OnPremisesImmutableId)
            : "");
}
