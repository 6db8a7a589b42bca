using SsprTools.Engine.Facts;

namespace SsprTools.Engine.Rules;

/// <summary>The facts of one prediction plus what is derived from the tenant's facts.</summary>
internal sealed class ResetContext
{
    public ResetContext(TenantFacts tenant, UserFacts user)
    {
        Tenant = tenant;
        User = user;
        Licensing = new TenantLicensing(tenant.SubscribedSkus);
        Trial = new TenantTrial(tenant.Subscriptions);
        AdminGates = AdminGateRequirement.For(tenant, Trial);
    }

    public TenantFacts Tenant { get; }

    public UserFacts User { get; }

    public TenantLicensing Licensing { get; }

    public TenantTrial Trial { get; }

    public AdminGateRequirement AdminGates { get; }

    /// <summary>Synchronized from on-premises; null when unknown.</summary>
    public bool? IsSynced => SyncedUser.IsSynced(User, Tenant);
}
