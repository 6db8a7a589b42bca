namespace SsprTools.Engine.Facts;

/// <summary>One of user.assignedPlans: servicePlanId, capabilityStatus ("Enabled", "Deleted", …), service.</summary>
public sealed record AssignedPlan(string ServicePlanId, string CapabilityStatus, string? Service);
