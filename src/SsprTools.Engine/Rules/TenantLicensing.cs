using System.Collections.Generic;
using System.Linq;
using SsprTools.Engine.Catalogs;
using SsprTools.Engine.Facts;
using SsprTools.Engine.Findings;

namespace SsprTools.Engine.Rules;

/// <summary>What the tenant's subscribed SKUs license for SSPR (concept-sspr-licensing.md): cloud-only reset needs
/// Microsoft 365 Business Standard or higher or Entra ID P1/P2; hybrid writeback needs Entra ID P1/P2 or Microsoft 365
/// Business Premium. P1 is detected by service plan because it is embedded in bundles (graph-api.md §3.2).</summary>
internal sealed class TenantLicensing
{
    private readonly Fact<IReadOnlyList<SubscribedSku>> skus;

    public TenantLicensing(Fact<IReadOnlyList<SubscribedSku>> skus)
    {
        this.skus = skus;
        if (!skus.TryGetValue(out var all))
        {
            return;
        }

        var active = all.Where(s => LicenceCatalog.IsActiveStatus(s.CapabilityStatus)).ToList();
        ActiveSkuPartNumbers = active.Select(s => s.SkuPartNumber).ToList();
        HasAnyActiveSku = active.Count > 0;
        HasEntraPremium = active.Any(s => s.ServicePlans.Any(p =>
            LicenceCatalog.IsEntraPremiumPlan(p.ServicePlanId)
            && (p.ProvisioningStatus is null || LicenceCatalog.Same(p.ProvisioningStatus, "Success"))));
        HasBusinessPremium = active.Any(s =>
            LicenceCatalog.Same(s.SkuId, LicenceCatalog.BusinessPremiumSku)
            || LicenceCatalog.Same(s.SkuPartNumber, LicenceCatalog.BusinessPremiumPartNumber));
        HasBusinessStandard = active.Any(s =>
            LicenceCatalog.Same(s.SkuId, LicenceCatalog.BusinessStandardSku)
            || LicenceCatalog.Same(s.SkuPartNumber, LicenceCatalog.BusinessStandardPartNumber)
            || LicenceCatalog.Same(s.SkuPartNumber, LicenceCatalog.BusinessStandardLegacyPartNumber));
    }

    public bool IsReadable => skus.IsReadable;

    public bool HasAnyActiveSku { get; }

    public bool HasEntraPremium { get; }

    public bool HasBusinessPremium { get; }

    public bool HasBusinessStandard { get; }

    public IReadOnlyList<string> ActiveSkuPartNumbers { get; } = new List<string>();

    /// <summary>Entra ID P1/P2 or Business Premium: licensed for writeback; null when the SKUs are unreadable.</summary>
    public bool? LicensesWriteback => IsReadable ? HasEntraPremium || HasBusinessPremium : null;

    /// <summary>Licensed for cloud-only reset: true with P1/P2, Business Premium or Business Standard; false when the
    /// tenant has no active subscription at all (Entra ID Free); null when unreadable or when only other SKUs are
    /// present, because Microsoft does not say which of those are "Business Standard or higher".</summary>
    public bool? LicensesCloudReset =>
        !IsReadable ? null
        : HasEntraPremium || HasBusinessPremium || HasBusinessStandard ? true
        : !HasAnyActiveSku ? false
        : null;

    /// <summary>"Free version of Microsoft Entra ID": no Entra ID P1/P2 (nor Business Premium, which bundles it).</summary>
    public bool? IsEntraIdFree => IsReadable ? !(HasEntraPremium || HasBusinessPremium) : null;

    public string Evidence => FactText.Describe("active subscribedSkus", skus, _ => FactText.List(ActiveSkuPartNumbers));
}
