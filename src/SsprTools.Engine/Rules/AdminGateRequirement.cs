using System.Collections.Generic;
using System.Linq;
using System;
using SsprTools.Engine.Facts;
using SsprTools.Engine.Findings;

namespace SsprTools.Engine.Rules;

/// <summary>How many methods ("gates") the administrator reset policy asks for. entra-docs concept-sspr-policy.md,
/// "Administrator reset policy differences": two-gate when 30 days elapsed in a trial, a custom domain is configured,
/// or Entra Connect synchronizes; one-gate ("Exceptions") within the first 30 days of a trial, or with no custom domain
/// and no sync. Where the two lists overlap they contradict each other, so the count is 1 or 2: a trial older than 30 days
/// with neither, and a trial within its first 30 days with a custom domain ("A custom domain is configured for your
/// Microsoft Entra tenant") or sync ("Microsoft Entra Connect synchronizes identities"), which the two-gate list names
/// beside "If 30 days elapsed in a trial subscription" and the one-gate list beside "It's within the first 30 days of a
/// trial subscription".</summary>
internal sealed class AdminGateRequirement
{
    private AdminGateRequirement(int minimum, int maximum, string explanation, string evidence)
    {
        Minimum = minimum;
        Maximum = maximum;
        Explanation = explanation;
        Evidence = evidence;
    }

    /// <summary>The fewest gates the policy may ask for.</summary>
    public int Minimum { get; }

    /// <summary>The most gates the policy may ask for; equal to <see cref="Minimum"/> when known.</summary>
    public int Maximum { get; }

    public bool IsKnown => Minimum == Maximum;

    public string Explanation { get; }

    public string Evidence { get; }

    public static AdminGateRequirement For(TenantFacts tenant, TenantTrial trial)
    {
        var customDomain = HasCustomDomain(tenant.VerifiedDomains);
        bool? synced = tenant.OnPremisesSyncEnabled.TryGetValue(out var s) ? s : null;
        var evidence = FactText.Join(
            FactText.Describe("verifiedDomains", tenant.VerifiedDomains, d => FactText.List(d.Select(x => x.Name))),
            FactText.Describe("organization.onPremisesSyncEnabled", tenant.OnPremisesSyncEnabled),
            trial.Evidence);

        bool? twoGateTenant = customDomain == true || synced == true ? true
            : customDomain == false && synced == false ? false
            : null;

        return (trial.State, twoGateTenant) switch
        {
            (TrialState.TrialFirst30Days, false) =>
                new(1, 1, "one-gate: within the first 30 days of a trial subscription", evidence),
            (TrialState.TrialFirst30Days, true) =>
                new(1, 2, "one or two gates: within the first 30 days of a trial (one-gate) but " + TwoGateCause(customDomain, synced) + " (two-gate); the documentation lists the tenant under both and does not settle this", evidence),
            (TrialState.TrialFirst30Days, null) =>
                new(1, 2, "one-gate within the first 30 days of a trial, unless a custom domain or directory sync makes it two-gate, which could not be read", evidence),
            (TrialState.NotTrial or TrialState.TrialAfter30Days, true) =>
                new(2, 2, "two-gate: " + TwoGateCause(customDomain, synced), evidence),
            (null, true) =>
                new(1, 2, "two-gate (" + TwoGateCause(customDomain, synced) + ") unless the tenant is within the first 30 days of a trial, which could not be read", evidence),
            (TrialState.NotTrial, false) =>
                new(1, 1, "one-gate: no custom domain and no Entra Connect sync", evidence),
            (TrialState.TrialAfter30Days, false) =>
                new(1, 2, "one or two gates: a trial older than 30 days is two-gate but a tenant without custom domain or sync is one-gate; the documentation does not settle this", evidence),
            _ =>
                new(1, 2, "one or two gates: custom domain, directory sync or trial state could not be read", evidence),
        };
    }

    /// <summary>A verified domain that is not *.onmicrosoft.com (which also excludes the non-initial
    /// *.mail.onmicrosoft.com domain Exchange adds).</summary>
    private static bool? HasCustomDomain(Fact<IReadOnlyList<VerifiedDomain>> domains) =>
        domains.TryGetValue(out var all)
            ? all.Any(d => !d.IsInitial && !d.Name.EndsWith(".onmicrosoft.com", StringComparison.OrdinalIgnoreCase))
            : null;

    private static string TwoGateCause(bool? customDomain, bool? synced) =>
        customDomain == true && synced == true ? "a custom domain is configured and Entra Connect synchronizes"
        : customDomain == true ? "a custom domain is configured"
        : "Entra Connect synchronizes identities";
}
