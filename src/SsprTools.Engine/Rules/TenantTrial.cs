using System.Collections.Generic;
using System.Linq;
using System;
using SsprTools.Engine.Catalogs;
using SsprTools.Engine.Facts;
using SsprTools.Engine.Findings;

namespace SsprTools.Engine.Rules;

internal enum TrialState
{
    NotTrial,
    TrialFirst30Days,
    TrialAfter30Days,
}

/// <summary>Whether the tenant runs on a trial, from GET /v1.0/directory/subscriptions (companySubscription.isTrial,
/// createdDateTime). concept-sspr-policy.md makes administrators' reset one-gate "within the first 30 days of a trial
/// subscription" and two-gate once "30 days elapsed in a trial subscription". We read that as the tenant being on trial:
/// every active subscription is a trial; 30 days are counted from the earliest one to the time the list was read.</summary>
internal sealed class TenantTrial
{
    private static readonly TimeSpan TrialGrace = TimeSpan.FromDays(30);
    private readonly Fact<IReadOnlyList<TenantSubscription>> subscriptions;

    public TenantTrial(Fact<IReadOnlyList<TenantSubscription>> subscriptions)
    {
        this.subscriptions = subscriptions;
        State = Decide(subscriptions);
    }

    /// <summary>Null when the subscriptions, a creation date or the read time are missing.</summary>
    public TrialState? State { get; }

    public bool? IsTrial => State is null ? null : State != TrialState.NotTrial;

    public string Evidence => FactText.Describe("directory subscriptions", subscriptions, all => FactText.List(
        all.Select(s => $"{s.SkuPartNumber} ({s.Status}{(s.IsTrial ? ", trial" : "")})")));

    private static TrialState? Decide(Fact<IReadOnlyList<TenantSubscription>> fact)
    {
        if (!fact.TryGetValue(out var all))
        {
            return null;
        }

        var active = all.Where(s => LicenceCatalog.IsActiveStatus(s.Status)).ToList();
        if (active.Count == 0 || active.Any(s => !s.IsTrial))
        {
            return TrialState.NotTrial;
        }

        var created = active.Select(s => s.CreatedDateTime).ToList();
        if (created.Any(c => c is null) || fact.Evidence.ReadAt is not { } readAt)
        {
            return null;
        }

        var earliest = created.Min(c => c!.Value);
        return readAt - earliest < TrialGrace ? TrialState.TrialFirst30Days : TrialState.TrialAfter30Days;
    }
}
