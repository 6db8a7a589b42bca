using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using System.Threading;
using System;
using SsprTools.Engine.Catalogs;
using SsprTools.Engine.Facts;
using SsprTools.Engine.Findings;
using SsprTools.Engine.Graph;
using SsprTools.Engine.Rules;
using SsprTools.Model;

namespace SsprTools.Engine.Diagnosis;

/// <summary>
/// The second, targeted read of a run: users whose predicted SSPR_0014 rests on the registration report, which "may reflect
/// a latency of up to 36 hours" (howto-authentication-methods-activity.md, "Limitations"), get their live authentication
/// methods read in $batch, so the rules can confirm or doubt the report (<see cref="ReportConfirmedRule"/>). Only those
/// users: every administrator (their reset is what this module is for, and a tenant has few), and at most
/// <see cref="Budget"/> other users per run, so a pipeline's traffic stays near the floor (README "Performance": a
/// 10,000-user pipeline may hold thousands of unregistered users, and the methods API has no bulk read, graph-api.md 4.2). SSPR_0013 is not read again: the methods API says nothing about the policy's group, so its evidence
/// only shows the row's age.
/// </summary>
internal sealed class LiveConfirmation
{
    /// <summary>Users other than administrators confirmed live per run: one $batch request (at most 20 steps,
    /// json-batching.md), 21 requests counted with its steps. Beyond it a warning says the verdict was not confirmed and
    /// how to confirm it.</summary>
    public const int Budget = Graph.GraphBatch.MaxStepsPerBatch;

    private static readonly Evidence NotSent = new("GET /v1.0/users/{id}/authentication/methods not sent (at most " + Budget + " live confirmations of non-administrators per run)", null);

    private readonly RegistrationReader _registrations;
    private int _spent;
    private Fact<IReadOnlyList<RegisteredAuthenticationMethod>>? _denied;

    public LiveConfirmation(RegistrationReader registrations) => _registrations = registrations;

    /// <summary>A failure with SSPR_0014 from the report's methods or flags, not yet checked against live methods.</summary>
    public static bool Needed(ResetPrediction prediction, UserFacts facts) =>
        prediction.Outcome == PredictionOutcome.Fails
        && prediction.PredictedError == SsprErrorCode.UserNotProperlyConfigured
        && facts.Registration.IsReadable
        && ReferenceEquals(facts.AuthenticationMethods.Evidence, Evidence.NotCollected)
        && prediction.Findings.Any(f => f.Severity == FindingSeverity.Error
            && f.ErrorCode == SsprErrorCode.UserNotProperlyConfigured
            && f.Code is FindingCode.AdminTooFewMethods or FindingCode.UserNotRegistered);

    /// <summary>Live methods per user id: read, refused (403 once means no more asking this run), or not sent (over budget).</summary>
    /// <param name="administrators">Ids always read; the others share <see cref="Budget"/>.</param>
    public async Task<IReadOnlyDictionary<string, Fact<IReadOnlyList<RegisteredAuthenticationMethod>>>> ReadAsync(
        IReadOnlyList<string> ids, ISet<string> administrators, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, Fact<IReadOnlyList<RegisteredAuthenticationMethod>>>(StringComparer.OrdinalIgnoreCase);
        var toRead = new List<string>();
        foreach (var id in ids.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (_denied is not null)
            {
                result[id] = _denied;
            }
            else if (administrators.Contains(id))
            {
                toRead.Add(id);
            }
            else if (_spent < Budget)
            {
                _spent++;
                toRead.Add(id);
            }
            else
            {
                result[id] = Fact.Unreadable<IReadOnlyList<RegisteredAuthenticationMethod>>("not read: this run's live confirmations are used up", NotSent);
            }
        }

        if (toRead.Count == 0)
        {
            return result;
        }

        var read = await _registrations.ReadMethodsAsync(toRead, cancellationToken).ConfigureAwait(false);
        foreach (var pair in read)
        {
            result[pair.Key] = pair.Value;
        }

        // Refused for every user asked: the permission is missing, and asking for more users would only repeat it.
        if (read.Values.All(f => !f.IsReadable && f.UnreadableReason?.StartsWith("403", StringComparison.Ordinal) == true))
        {
            _denied = read.Values.First();
        }

        return result;
    }
}
