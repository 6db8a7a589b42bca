using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using System.Threading;
using System;
using SsprTools.Engine.Logging;
using SsprTools.Engine.Facts;
using SsprTools.Engine.Graph;
using SsprTools.Engine.Policy;
using SsprTools.Engine.Logging;

namespace SsprTools.Engine.Diagnosis;

/// <summary>
/// Reads the tenant-wide facts once per run, in parallel: the admin switch, the organization
/// (directory sync, custom domains), licences and trials. What the administrator stated fills the
/// facts Graph cannot read.
/// </summary>
internal sealed class TenantReader
{
    private readonly GraphAccess _graph;
    private readonly AdminPolicyService _adminPolicy;
    private readonly GraphReader _reader;

    public TenantReader(GraphAccess graph, GraphReader reader)
    {
        _adminPolicy = new AdminPolicyService(graph);
        _graph = graph;
        _reader = reader;
    }

    /// <summary>The switch as read for the facts, with its source and time; null until read or when it could not be.</summary>
    public Model.AdminPolicy? AdminPolicy { get; private set; }

    public async Task<TenantFacts> ReadAsync(DiagnosisOptions options, IActivityLog log, CancellationToken cancellationToken)
    {
        var client = _graph.Client;
        var policy = _reader.FactAsync(GraphOperation.ReadAuthorizationPolicy, async () =>
        {
            AdminPolicy = await _adminPolicy.GetAsync(log, cancellationToken).ConfigureAwait(false);
            return AdminPolicy.AllowedToUseSspr;
        });
        var organization = _reader.FactAsync(GraphOperation.ReadOrganization, () => client.Organization.GetAsync(
            request => request.QueryParameters.Select = new[] { "id", "onPremisesSyncEnabled", "verifiedDomains", "tenantType", "createdDateTime" },
            cancellationToken));
        var skus = _reader.FactAsync(GraphOperation.ReadSubscribedSkus, async () =>
            (IReadOnlyList<SubscribedSku>)((await client.SubscribedSkus.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false))?.Value ?? new())
                .Select(sku => new SubscribedSku(
                    sku.SkuId?.ToString() ?? string.Empty,
                    sku.SkuPartNumber ?? string.Empty,
                    sku.CapabilityStatus ?? string.Empty,
                    (sku.ServicePlans ?? new()).Select(plan => new ServicePlan(plan.ServicePlanId?.ToString() ?? string.Empty, plan.ServicePlanName, plan.ProvisioningStatus)).ToList()))
                .ToList());
        var subscriptions = _reader.FactAsync(GraphOperation.ReadSubscriptions, async () =>
            (IReadOnlyList<TenantSubscription>)((await client.Directory.Subscriptions.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false))?.Value ?? new())
                .Select(s => new TenantSubscription(s.SkuId ?? string.Empty, s.SkuPartNumber ?? string.Empty, s.Status ?? string.Empty, s.IsTrial ?? false, s.CreatedDateTime))
                .ToList());
        await Task.WhenAll(policy, organization, skus, subscriptions).ConfigureAwait(false);

        var org = organization.Result;
        return new TenantFacts
        {
            TenantId = _graph.Caller.TenantId ?? OrganizationValue(org, o => o.Id) ?? string.Empty,
            AllowedToUseSspr = policy.Result,
            OnPremisesSyncEnabled = SyncState(org),
            VerifiedDomains = Map(org, o => (IReadOnlyList<VerifiedDomain>)(o.VerifiedDomains ?? new())
                .Select(d => new VerifiedDomain(d.Name ?? string.Empty, d.IsInitial ?? false)).ToList()),
            SubscribedSkus = skus.Result,
            Subscriptions = subscriptions.Result,
            PasswordWriteback = options.PasswordWriteback is { } writeback
                ? Fact.Read(writeback, Evidence.Parameter("-PasswordWriteback", _graph.Clock.GetUtcNow()))
                : Fact.Unreadable<PasswordWritebackState>(
                    "Graph has no documented read of the password writeback setting; state it with -PasswordWriteback Enabled|Disabled",
                    new Evidence("not readable from Graph", null)),
            UserPolicyScope = options.UserPolicyScope is { } scope
                ? Fact.Read(scope, Evidence.Parameter("-SsprUserPolicy", _graph.Clock.GetUtcNow()))
                : Fact.Unreadable<SsprUserPolicyScope>(
                    "Graph v1.0 does not expose the user SSPR policy (None/Selected/All); state it with -SsprUserPolicy",
                    new Evidence("not readable from Graph", null)),
            OnPremisesProtectedAdmins = options.OnPremisesProtectedAdmins is { } protectedAdmins
                ? Fact.Read(protectedAdmins, Evidence.Parameter("-OnPremisesProtectedAdmins", _graph.Clock.GetUtcNow()))
                : Fact.Unreadable<OnPremisesProtectedAdmins>(
                    "Graph cannot see on-premises protected groups (adminCount); state it with -AdminCount or -OnPremisesProtectedAdmins None",
                    new Evidence("not readable from Graph", null)),
        };
    }

    // With only User.Read, Graph returns the organization with every property but id, displayName
    // and verifiedDomains null (organization-get.md), so a null sync state is then unknown, not "never synced".
    private static Fact<bool> SyncState(Fact<Microsoft.Graph.Models.OrganizationCollectionResponse?> org)
    {
        if (!org.TryGetValue(out var response) || response?.Value?.FirstOrDefault() is not { } first)
        {
            return Fact.Unreadable<bool>(org.UnreadableReason ?? "Graph returned no organization", org.Evidence);
        }

        if (first.OnPremisesSyncEnabled is null && first.TenantType is null && first.CreatedDateTime is null)
        {
            return Fact.Unreadable<bool>("the organization was returned with limited properties; grant Organization.Read.All", org.Evidence);
        }

        return Fact.Read(first.OnPremisesSyncEnabled ?? false, org.Evidence);
    }

    private static Fact<T> Map<T>(Fact<Microsoft.Graph.Models.OrganizationCollectionResponse?> org, Func<Microsoft.Graph.Models.Organization, T> select) =>
        org.TryGetValue(out var response) && response?.Value?.FirstOrDefault() is { } first
            ? Fact.Read(select(first), org.Evidence)
            : Fact.Unreadable<T>(org.UnreadableReason ?? "Graph returned no organization", org.Evidence);

    private static string? OrganizationValue(Fact<Microsoft.Graph.Models.OrganizationCollectionResponse?> org, Func<Microsoft.Graph.Models.Organization, string?> select) =>
        org.TryGetValue(out var response) && response?.Value?.FirstOrDefault() is { } first ? select(first) : null;
}
