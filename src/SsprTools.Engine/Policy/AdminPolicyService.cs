using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using System.Threading;
using System;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions.Serialization;
using SsprTools.Engine.Connection;
using SsprTools.Engine.Graph;
using SsprTools.Engine.Logging;
using SsprTools.Model;

namespace SsprTools.Engine.Policy;

/// <summary>
/// Reads and changes the "SSPR for administrators" switch, authorizationPolicy.allowedToUseSSPR
/// (Graph: GET/PATCH /policies/authorizationPolicy; Entra docs concept-sspr-policy,
/// "Administrator reset policy differences").
/// </summary>
public sealed class AdminPolicyService
{
    private static readonly Dictionary<string, ParsableFactory<IParsable>> ErrorMapping = new()
    {
        ["XXX"] = ODataError.CreateFromDiscriminatorValue,
    };

    private readonly GraphAccess _graph;

    internal AdminPolicyService(GraphAccess graph) => _graph = graph;

    /// <summary>The switch of the connected tenant.</summary>
    public static AdminPolicyService For(Connection.SsprSession session) => new((session ?? throw new ArgumentNullException(nameof(session))).Graph);

    public async Task<AdminPolicy> GetAsync(IActivityLog log, CancellationToken cancellationToken)
    {
        using var _ = AmbientLog.Use(log);
        log.Verbose("Reading the tenant's SSPR-for-administrators switch (allowedToUseSSPR).");
        return await ReadAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the switch and says whether reaching <paramref name="wanted"/> needs a write.</summary>
    public async Task<PolicyChangePlan> PlanAsync(bool wanted, IActivityLog log, CancellationToken cancellationToken)
    {
        var current = await GetAsync(log, cancellationToken).ConfigureAwait(false);
        return new PolicyChangePlan(current, wanted);
    }

    /// <summary>
    /// Writes only allowedToUseSSPR, then reads it back until it shows the wanted value or
    /// <paramref name="verifyTimeout"/> passes. The caller has already asked ShouldProcess.
    /// </summary>
    public async Task<PolicyChange> ApplyAsync(PolicyChangePlan plan, TimeSpan verifyTimeout, IActivityLog log, CancellationToken cancellationToken)
    {
        using var _ = AmbientLog.Use(log);
        if (!plan.NeedsWrite)
        {
            return Result(plan, changed: false, verified: true, $"allowedToUseSSPR is already {Word(plan.Wanted)}; nothing was written.");
        }

        log.Verbose($"Setting allowedToUseSSPR to {Word(plan.Wanted)} (PATCH /policies/authorizationPolicy).");
        await PatchAsync(plan.Wanted, cancellationToken).ConfigureAwait(false);

        var verified = await ReadBackAsync(plan.Wanted, verifyTimeout, log, cancellationToken).ConfigureAwait(false);
        if (!verified)
        {
            log.Warning($"Graph accepted allowedToUseSSPR = {Word(plan.Wanted)}, but reading it back within {verifyTimeout.TotalSeconds:0} s still showed the old value. Microsoft documents that the change can take up to 60 minutes to apply; run Get-SsprAdminPolicy later to confirm.");
        }

        return Result(plan, changed: true, verified,
            verified
                ? $"allowedToUseSSPR changed from {Word(plan.Before.AllowedToUseSspr)} to {Word(plan.Wanted)} and reads back as {Word(plan.Wanted)}."
                : $"allowedToUseSSPR set to {Word(plan.Wanted)}; not yet visible when read back.");
    }

    private async Task<AdminPolicy> ReadAsync(CancellationToken cancellationToken)
    {
        var operation = GraphOperation.ReadAuthorizationPolicy;
        try
        {
            var policy = await _graph.Client.Policies.AuthorizationPolicy
                .GetAsync(request => request.QueryParameters.Select = new[] { "id", "allowedToUseSSPR" }, cancellationToken)
                .ConfigureAwait(false);
            if (policy?.AllowedToUseSSPR is not bool allowed)
            {
                throw new InvalidDataException("Graph returned an authorization policy without allowedToUseSSPR.");
            }

            return new AdminPolicy
            {
                AllowedToUseSspr = allowed,
                TenantId = _graph.Caller.TenantId,
                RetrievedAt = _graph.Clock.GetUtcNow(),
                Source = $"GET {_graph.Caller.GraphEndpoint}/{_graph.Caller.ApiVersion}{operation.Path}",
            };
        }
        catch (Exception e)
        {
            throw GraphErrorTranslator.Translate(e, operation, _graph.ServiceRoot);
        }
    }

    private async Task PatchAsync(bool wanted, CancellationToken cancellationToken)
    {
        var operation = GraphOperation.UpdateAuthorizationPolicy;
        try
        {
            // The body is written by hand: the SDK model would also send "@odata.type", and the
            // contract is that this PATCH carries allowedToUseSSPR and nothing else.
            var request = _graph.Client.Policies.AuthorizationPolicy.ToPatchRequestInformation(new AuthorizationPolicy());
            var body = wanted ? "{\"allowedToUseSSPR\":true}" : "{\"allowedToUseSSPR\":false}";
            request.SetStreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)), "application/json");
            await _graph.Client.RequestAdapter.SendNoContentAsync(request, ErrorMapping, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            throw GraphErrorTranslator.Translate(e, operation, _graph.ServiceRoot);
        }
    }

    private async Task<bool> ReadBackAsync(bool wanted, TimeSpan timeout, IActivityLog log, CancellationToken cancellationToken)
    {
        // On the session's clock, so a test drives the read-back (and the simulator's visibility lag) with one fake clock.
        var clock = _graph.Clock;
        var deadline = clock.GetUtcNow() + timeout;
        var pause = TimeSpan.FromMilliseconds(250);
        for (var attempt = 1; ; attempt++)
        {
            var current = await ReadAsync(cancellationToken).ConfigureAwait(false);
            if (current.AllowedToUseSspr == wanted)
            {
                log.Verbose($"Read-back {attempt}: allowedToUseSSPR is {Word(wanted)}.");
                return true;
            }

            var remaining = deadline - clock.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return false;
            }

            log.Verbose($"Read-back {attempt}: allowedToUseSSPR still {Word(current.AllowedToUseSspr)}; checking again in {pause.TotalMilliseconds:0} ms.");
            await clock.Delay(remaining < pause ? remaining : pause, cancellationToken).ConfigureAwait(false);
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 4000));
        }
    }

    private PolicyChange Result(PolicyChangePlan plan, bool changed, bool verified, string message) => new()
    {
        TenantId = plan.Before.TenantId,
        Before = plan.Before.AllowedToUseSspr,
        After = changed ? plan.Wanted : plan.Before.AllowedToUseSspr,
        Changed = changed,
        Verified = verified,
        Timestamp = _graph.Clock.GetUtcNow(),
        Message = message,
    };

    private static string Word(bool value) => value ? "true" : "false";
}
