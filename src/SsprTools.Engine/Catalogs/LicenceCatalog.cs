using System;

namespace SsprTools.Engine.Catalogs;

/// <summary>The licence identifiers SSPR licensing depends on. Plan ids: "Product names and service plan identifiers
/// for licensing" (entra-docs docs/identity/users/licensing-service-plan-reference.md); SKU ids and part numbers of the
/// Microsoft 365 Business plans from the same table.</summary>
internal static class LicenceCatalog
{
    /// <summary>Service plan AAD_PREMIUM (Entra ID P1), embedded in P1, P2, EMS, Microsoft 365 E3/E5, Business Premium…</summary>
    public const string EntraIdP1Plan = "41781fb2-bc02-4b7c-bd55-b576c07bb09d";

    /// <summary>Service plan AAD_PREMIUM_P2 (Entra ID P2).</summary>
    public const string EntraIdP2Plan = "eec0eb4f-6444-4f95-aba0-50c24d67f998";

    /// <summary>Microsoft 365 Business Premium (SPB).</summary>
    public const string BusinessPremiumSku = "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46";

    public const string BusinessPremiumPartNumber = "SPB";

    /// <summary>Microsoft 365 Business Standard (O365_BUSINESS_PREMIUM).</summary>
    public const string BusinessStandardSku = "f245ecc8-75af-4f8e-b61f-27d8114de5f3";

    public const string BusinessStandardPartNumber = "O365_BUSINESS_PREMIUM";

    /// <summary>Microsoft 365 Business Standard - Prepaid Legacy (SMB_BUSINESS_PREMIUM).</summary>
    public const string BusinessStandardLegacyPartNumber = "SMB_BUSINESS_PREMIUM";

    public static bool IsEntraPremiumPlan(string servicePlanId) =>
        Same(servicePlanId, EntraIdP1Plan) || Same(servicePlanId, EntraIdP2Plan);

    /// <summary>subscribedSku.capabilityStatus / companySubscription.status of a subscription that still works
    /// ("Warning" is the grace period).</summary>
    public static bool IsActiveStatus(string status) =>
        Same(status, "Enabled") || Same(status, "Warning");

    public static bool Same(string? left, string? right) =>
        string.Equals(left, right, StringComparison.OrdinalIgnoreCase);
}
