using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using System.Threading;
using System;
using Microsoft.Graph.Models;
using Microsoft.Graph.Reports.AuthenticationMethods.UserRegistrationDetails;
using Microsoft.Kiota.Abstractions;
using SsprTools.Engine.Logging;
using SsprTools.Engine.Errors;
using SsprTools.Engine.Facts;
using SsprTools.Engine.Graph;
using SsprTools.Engine.Logging;

namespace SsprTools.Engine.Diagnosis;

/// <summary>
/// Who registered which methods: rows of the userRegistrationDetails report (per user, the admin
/// rows with $filter=isAdmin eq true, or the whole report, whichever is cheapest), and, for admins
/// when the report cannot be read, their authentication methods. Unreadable without Entra ID P1/P2
/// or AuditLog.Read.All; then every row is an unreadable fact with that reason.
/// </summary>
internal sealed class RegistrationReader
{
    // The report's page size is not documented; without $top assume Graph's common default.
    private const int DefaultReportPage = 100;

    private readonly GraphAccess _graph;
    private readonly GraphReader _reader;
    private readonly GraphBatch _batch;
    private readonly ReadPlanner _planner;
    private readonly Dictionary<string, Fact<RegistrationDetails>> _rows = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Fact<IReadOnlyList<RegisteredAuthenticationMethod>>> _methods = new(StringComparer.OrdinalIgnoreCase);
    private Fact<RegistrationDetails>? _unreadable;
    private bool _wholeReportRead;
    private bool _adminRowsTried;
    private bool _topRefused;

    public RegistrationReader(GraphAccess graph, GraphReader reader, GraphBatch batch, ReadPlanner planner)
    {
        _graph = graph;
        _reader = reader;
        _batch = batch;
        _planner = planner;
    }

    private UserRegistrationDetailsRequestBuilder Report => _graph.Client.Reports.AuthenticationMethods.UserRegistrationDetails;

    /// <param name="mostlyAdmins">The users are administrators: the report's isAdmin rows cover most of them in a few pages.</param>
    public async Task<IReadOnlyDictionary<string, Fact<RegistrationDetails>>> ReadAsync(
        IReadOnlyCollection<string> ids, bool mostlyAdmins, IActivityLog log, CancellationToken cancellationToken)
    {
        if (_unreadable is null && !_wholeReportRead)
        {
            var missing = Missing(ids);
            if (missing.Count > ReadPlanner.PerUserThreshold && mostlyAdmins && !_adminRowsTried)
            {
                // Which roles isAdmin counts is not documented, so it only narrows the read: admins
                // without an isAdmin row are still looked up below.
                _adminRowsTried = true;
                await ReadListAsync("isAdmin eq true", log, cancellationToken).ConfigureAwait(false);
                missing = Missing(ids);
            }

            if (_unreadable is null && missing.Count > 0)
            {
                var wholeReport = await _planner.PreferTenantWideAsync(missing.Count, _topRefused ? DefaultReportPage : ReadPlanner.LargestPage, cancellationToken).ConfigureAwait(false)
                    && await ReadListAsync(null, log, cancellationToken).ConfigureAwait(false);
                _wholeReportRead = wholeReport && _unreadable is null;
                if (!wholeReport)
                {
                    await ReadOneByOneAsync(missing, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        var absent = Evidence.Graph("GET", "/v1.0" + GraphOperation.ReadRegistrationDetails.Path, _graph.Clock.GetUtcNow());
        return ids.Distinct(StringComparer.OrdinalIgnoreCase).ToDictionary(
            id => id,
            id => _rows.TryGetValue(id, out var fact)
                ? fact
                : _unreadable ?? Fact.Unreadable<RegistrationDetails>("the user has no row in the registration report (disabled users are not in it)", absent),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Authentication methods per user ($batch); for administrators when the report cannot be read.</summary>
    public async Task<IReadOnlyDictionary<string, Fact<IReadOnlyList<RegisteredAuthenticationMethod>>>> ReadMethodsAsync(
        IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var missing = ids.Where(id => !_methods.ContainsKey(id)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (missing.Count > 0)
        {
            var steps = missing.Select(id => new KeyValuePair<string, RequestInformation>(id,
                _graph.Client.Users[id].Authentication.Methods.ToGetRequestInformation())).ToList();
            var evidence = Evidence.Graph("GET", "/v1.0/users/{id}/authentication/methods", _graph.Clock.GetUtcNow());
            var answers = await _reader.GetAsync(GraphOperation.ReadAuthenticationMethods,
                () => _batch.SendAsync(steps, "authentication methods", cancellationToken)).ConfigureAwait(false);
            foreach (var pair in answers)
            {
                _methods[pair.Key] = pair.Value.IsSuccess
                    ? Fact.Read(UserRecords.ToMethods((await pair.Value.ReadAsync(AuthenticationMethodCollectionResponse.CreateFromDiscriminatorValue).ConfigureAwait(false))?.Value ?? new()), evidence)
                    : Fact.Unreadable<IReadOnlyList<RegisteredAuthenticationMethod>>(await StepReasonAsync(pair.Value, GraphOperation.ReadAuthenticationMethods).ConfigureAwait(false), evidence);
            }
        }

        return ids.Distinct(StringComparer.OrdinalIgnoreCase).ToDictionary(id => id, id => _methods[id], StringComparer.OrdinalIgnoreCase);
    }

    private List<string> Missing(IReadOnlyCollection<string> ids) =>
        ids.Where(id => !_rows.ContainsKey(id)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Reads every row matching <paramref name="filter"/>; false when Graph refused the query itself (400), which leaves the report readable.</summary>
    private async Task<bool> ReadListAsync(string? filter, IActivityLog log, CancellationToken cancellationToken)
    {
        var path = "/v1.0" + GraphOperation.ReadRegistrationDetails.Path + (filter is null ? string.Empty : "?$filter=" + filter);
        var evidence = Evidence.Graph("GET", path, _graph.Clock.GetUtcNow());
        List<(string? Id, RegistrationDetails Row)> rows;
        try
        {
            rows = await ListWithFallbackAsync(filter, log, cancellationToken).ConfigureAwait(false);
        }
        catch (SsprException e) when (IsRefusedQuery(e))
        {
            log.Verbose($"The registration report refused the query ({e.Message}); reading it another way.");
            return false;
        }
        catch (SsprException e) when (GraphReader.IsReadSpecific(e))
        {
            _unreadable = Fact.Unreadable<RegistrationDetails>(GraphReader.Reason(e), evidence);
            log.Verbose($"Could not {GraphOperation.ReadRegistrationDetails.Description}: {e.Message}");
            return true;
        }

        foreach (var (id, row) in rows.Where(r => r.Id is not null))
        {
            _rows[id!] = Fact.Read(row, evidence);
        }

        return true;
    }

    // $top is not documented for this report; a service that refuses it gets the default page size.
    private async Task<List<(string? Id, RegistrationDetails Row)>> ListWithFallbackAsync(string? filter, IActivityLog log, CancellationToken cancellationToken)
    {
        if (!_topRefused)
        {
            try
            {
                return await ListAsync(filter, useTop: true, cancellationToken).ConfigureAwait(false);
            }
            catch (SsprException e) when (IsRefusedQuery(e))
            {
                _topRefused = true;
                log.Verbose("The registration report refused $top; reading it with the default page size.");
            }
        }

        return await ListAsync(filter, useTop: false, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsRefusedQuery(SsprException e) => e.GraphStatus == 400 && e.Kind != SsprErrorKind.LicenseRequired;

    private Task<List<(string? Id, RegistrationDetails Row)>> ListAsync(string? filter, bool useTop, CancellationToken cancellationToken) =>
        _reader.ListAsync(
            GraphOperation.ReadRegistrationDetails,
            () => Report.GetAsync(r =>
            {
                r.QueryParameters.Filter = filter;
                r.QueryParameters.Top = useTop ? ReadPlanner.LargestPage : null;
            }, cancellationToken),
            link => Report.WithUrl(link).GetAsync(cancellationToken: cancellationToken),
            page => page.Value,
            row => (row.Id, UserRecords.ToRegistration(row)));

    private async Task ReadOneByOneAsync(List<string> ids, CancellationToken cancellationToken)
    {
        var steps = ids.Select(id => new KeyValuePair<string, RequestInformation>(id, Report[id].ToGetRequestInformation())).ToList();
        var evidence = Evidence.Graph("GET", "/v1.0" + GraphOperation.ReadRegistrationDetails.Path + "/{id}", _graph.Clock.GetUtcNow());
        var answers = await _reader.GetAsync(GraphOperation.ReadRegistrationDetails, () => _batch.SendAsync(steps, "registration details", cancellationToken)).ConfigureAwait(false);
        foreach (var pair in answers)
        {
            if (pair.Value.IsSuccess && await pair.Value.ReadAsync(UserRegistrationDetails.CreateFromDiscriminatorValue).ConfigureAwait(false) is { } row)
            {
                _rows[pair.Key] = Fact.Read(UserRecords.ToRegistration(row), evidence);
                continue;
            }

            var error = await StepErrorAsync(pair.Value, GraphOperation.ReadRegistrationDetails).ConfigureAwait(false);
            var reason = GraphReader.Reason(error);
            if (error.Kind is SsprErrorKind.LicenseRequired or SsprErrorKind.PermissionDenied)
            {
                // Licence or permission, told by Graph's error code (GraphErrorTranslator; errors.md: branch on code, never on
                // message): the same for every user, so stop asking.
                _unreadable = Fact.Unreadable<RegistrationDetails>(reason, evidence);
                return;
            }

            _rows[pair.Key] = Fact.Unreadable<RegistrationDetails>(reason, evidence);
        }
    }

    private async Task<string> StepReasonAsync(BatchStepResult step, GraphOperation operation) =>
        GraphReader.Reason(await StepErrorAsync(step, operation).ConfigureAwait(false));

    private async Task<SsprException> StepErrorAsync(BatchStepResult step, GraphOperation operation)
    {
        var error = await step.ErrorAsync(operation, _graph.ServiceRoot).ConfigureAwait(false);
        return GraphReader.IsReadSpecific(error) ? error : throw error;
    }
}
