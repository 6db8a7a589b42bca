using System;

namespace SsprTools.Engine.Facts;

/// <summary>One item of GET /v1.0/directory/subscriptions (companySubscription): the trial signal.
/// Status is "Enabled", "Warning", "Suspended", "Deleted" or "LockedOut".</summary>
public sealed record TenantSubscription(
    string SkuId,
    string SkuPartNumber,
    string Status,
    bool IsTrial,
    DateTimeOffset? CreatedDateTime);
