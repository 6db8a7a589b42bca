using System.Collections.Generic;

namespace SsprTools.Engine.Facts;

/// <summary>One item of GET /v1.0/subscribedSkus. CapabilityStatus is "Enabled", "Warning", "Suspended", "Deleted"
/// or "LockedOut".</summary>
public sealed record SubscribedSku(
    string SkuId,
    string SkuPartNumber,
    string CapabilityStatus,
    IReadOnlyList<ServicePlan> ServicePlans);
