namespace SsprTools.Engine.Facts;

/// <summary>One of subscribedSku.servicePlans: servicePlanId, servicePlanName, provisioningStatus ("Success", …).</summary>
public sealed record ServicePlan(string ServicePlanId, string? ServicePlanName, string? ProvisioningStatus);
