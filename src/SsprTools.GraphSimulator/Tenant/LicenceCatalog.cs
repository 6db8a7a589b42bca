namespace SsprTools.GraphSimulator.Tenant;

internal sealed record ServicePlan(string Id, string Name, string Service);

internal sealed record Sku(string SkuId, string SkuPartNumber, IReadOnlyList<ServicePlan> ServicePlans);

/// <summary>
/// SKUs scenarios may subscribe to by skuPartNumber. Ids are from "Product names and service plan identifiers for
/// licensing" (graph-api.md §3.2); P1 is detected by service plan because it ships inside bundles.
/// </summary>
internal static class LicenceCatalog
{
    public const string PlanP1 = "41781fb2-bc02-4b7c-bd55-b576c07bb09d";
    public const string PlanP2 = "eec0eb4f-6444-4f95-aba0-50c24d67f998";
    public const string PlanGovernance = "e866a266-3cff-43a3-acca-0c90a7e00c8b";

    private static readonly ServicePlan AadPremium = new(PlanP1, "AAD_PREMIUM", "AADPremiumService");
    private static readonly ServicePlan AadPremiumP2 = new(PlanP2, "AAD_PREMIUM_P2", "AADPremiumService");
    private static readonly ServicePlan Mfa = new("8a256a2b-b617-496d-b51b-e76466e88db0", "MFA_PREMIUM", "MultiFactorService");
    private static readonly ServicePlan Exchange = new("efb87545-963c-4e0d-99df-69c6916d9eb0", "EXCHANGE_S_ENTERPRISE", "exchange");
    private static readonly ServicePlan SharePoint = new("5dbe027f-2339-4123-9542-606e4d348a72", "SHAREPOINTENTERPRISE", "SharePoint");
    private static readonly ServicePlan ExchangeStandard = new("9aaf7827-d63c-4b61-89c3-182f06f82e5c", "EXCHANGE_S_STANDARD", "exchange");
    private static readonly ServicePlan SharePointStandard = new("c7699d2e-19aa-44de-8edf-1736da088ca1", "SHAREPOINTSTANDARD", "SharePoint");

    public static readonly IReadOnlyList<Sku> All =
    [
        new("078d2b04-f1bd-4111-bbd4-b4b1b354cef4", "AAD_PREMIUM", [AadPremium, Mfa]),
        new("84a661c4-e949-4bd2-a560-ed7766fcaf2b", "AAD_PREMIUM_P2", [AadPremium, AadPremiumP2, Mfa]),
        new("6fd2c87f-b296-42f0-b197-1e91e994b900", "ENTERPRISEPACK", [Exchange, SharePoint]),
        new("05e9a617-0261-4cee-bb44-138d3ef5d965", "SPE_E3", [AadPremium, Mfa, Exchange, SharePoint]),

        // Microsoft 365 Business Standard: licenses cloud-only SSPR (concept-sspr-licensing.md) but has no Entra ID P1/P2 plan.
        new("f245ecc8-75af-4f8e-b61f-27d8114de5f3", "O365_BUSINESS_PREMIUM", [ExchangeStandard, SharePointStandard]),
    ];

    public static Sku Find(string skuPartNumber) =>
        All.FirstOrDefault(s => s.SkuPartNumber.Equals(skuPartNumber, StringComparison.OrdinalIgnoreCase))
        ?? throw new ScenarioException($"Unknown skuPartNumber '{skuPartNumber}'. Known: {string.Join(", ", All.Select(s => s.SkuPartNumber))}.");
}
