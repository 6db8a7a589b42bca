using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;
using SsprTools.Engine.Connection;
using SsprTools.Engine.Diagnostics;
using SsprTools.Engine.Errors;
using SsprTools.Engine.Facts;
using SsprTools.Engine.Graph;

namespace SsprTools.Engine.Diagnosis;

/// <summary>
/// Per-user data for one run: user records, registration details and (when the report cannot be
/// read) authentication methods. Chooses per-user $batch lookups or one tenant-wide paged read,
/// whichever costs Graph fewer requests, and remembers everything it read for later chunks.
/// </summary>
internal sealed class UserDirectory
{
    // Below this many users a batch of per-user lookups is cheaper than counting the tenant.
    private const int PerUserThreshold = GraphBatch.MaxStepsPerBatch;
    private const int ListPageSize = 999;

    private readonly SsprSession _session;
    private readonly GraphReader _reader;
    private readonly GraphBatch _batch;
    private readonly Dictionary<string, User> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Fact<RegistrationDetails>> _registrations = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Fact<IReadOnlyList<RegisteredAuthenticationMethod>>> _methods = new(StringComparer.OrdinalIgnoreCase);
    private Evidence? _usersEvidence;
    private bool _allUsersRead;
    private bool _allRegistrationsRead;
    private Fact<RegistrationDetails>? _registrationUnreadable;
    private int? _tenantUserCount;

    public UserDirectory(SsprSession session, GraphReader reader, GraphBatch batch)
    {
        _session = session;
        _reader = reader;
        _batch = batch;
    }

    public Evidence UsersEvidence => _usersEvidence ?? Evidence.Graph("GET", "/v1.0/users", DateTimeOffset.UtcNow);

    public User? Cached(string id) => _users.TryGetValue(id, out var user) ? user : null;

    /// <summary>Resolves what callers typed (ids, UPNs, on-premises anchors) to user records; per-input errors, not exceptions.</summary>
    public async Task<Dictionary<UserReference, (User? User, SsprException? Error)>> ResolveAsync(
        IReadOnlyCollection<UserReference> references, CancellationToken cancellationToken)
    {
        var results = new Dictionary<UserReference, (User?, SsprException?)>();
        var lookups = new List<KeyValuePair<string, RequestInformation>>();
        var byKey = new Dictionary<string, UserReference>(StringComparer.Ordinal);
        foreach (var reference in references.Distinct())
        {
            var cached = FromCache(reference);
            if (cached is not null)
            {
                results[reference] = (cached, null);
                continue;
            }

            if (UsesFilter(reference) && reference.Value.IndexOf('+') >= 0)
            {
                // The SDK writes batch step URLs unescaped and Graph reads a '+' in a query as a space
                // (msgraph-sdk-dotnet#2708), so a filter on a value with '+' (base64 anchors) goes alone.
                results[reference] = await LookupAloneAsync(reference, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var key = lookups.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            byKey[key] = reference;
            lookups.Add(new KeyValuePair<string, RequestInformation>(key, LookupRequest(reference)));
        }

        if (lookups.Count == 0)
        {
            return results;
        }

        _usersEvidence ??= Evidence.Graph("GET", "/v1.0/users/{id}", DateTimeOffset.UtcNow);
        var answers = await _reader.GetAsync(GraphOperation.ReadUsers, () => _batch.SendAsync(lookups, "users", cancellationToken)).ConfigureAwait(false);
        foreach (var pair in answers)
        {
            var reference = byKey[pair.Key];
            results[reference] = await ToUserAsync(reference, pair.Value).ConfigureAwait(false);
        }

        return results;
    }

    /// <summary>Makes sure every one of these user ids is read (ids that do not exist are simply absent).</summary>
    public async Task ReadUsersAsync(IReadOnlyCollection<string> ids, IActivityLog log, CancellationToken cancellationToken)
    {
        var missing = ids.Where(id => !_users.ContainsKey(id)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (missing.Count == 0 || _allUsersRead)
        {
            return;
        }

        if (await PreferTenantWideAsync(missing.Count, cancellationToken).ConfigureAwait(false))
        {
            log.Verbose($"Reading all users of the tenant ({_tenantUserCount}) in pages of {ListPageSize}: cheaper than {missing.Count} single lookups.");
            var users = _session.Client.Users;
            _usersEvidence = Evidence.Graph("GET", "/v1.0/users", DateTimeOffset.UtcNow);
            var all = await _reader.ListAsync(
                GraphOperation.ReadUsers,
                () => users.GetAsync(r => { r.QueryParameters.Select = UserRecords.Select; r.QueryParameters.Top = ListPageSize; }, cancellationToken),
                link => users.WithUrl(link).GetAsync(cancellationToken: cancellationToken),
                page => page.Value).ConfigureAwait(false);
            foreach (var user in all.Where(u => u.Id is not null))
            {
                _users[user.Id!] = user;
            }

            _allUsersRead = true;
            return;
        }

        await ResolveAsync(missing.Select(id => new UserReference(UserReferenceKind.ObjectId, id)).ToList(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Registration details for these users; the whole report is unreadable without P1/P2 or AuditLog.Read.All.</summary>
    public async Task<IReadOnlyDictionary<string, Fact<RegistrationDetails>>> ReadRegistrationsAsync(
        IReadOnlyCollection<string> ids, IActivityLog log, CancellationToken cancellationToken)
    {
        var missing = ids.Where(id => !_registrations.ContainsKey(id)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (missing.Count > 0 && _registrationUnreadable is null && !_allRegistrationsRead)
        {
            if (await PreferTenantWideAsync(missing.Count, cancellationToken).ConfigureAwait(false))
            {
                await ReadWholeReportAsync(log, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await ReadRegistrationsOneByOneAsync(missing, cancellationToken).ConfigureAwait(false);
            }
        }

        return ids.Distinct(StringComparer.OrdinalIgnoreCase).ToDictionary(
            id => id,
            id => _registrations.TryGetValue(id, out var fact)
                ? fact
                : _registrationUnreadable ?? Fact.Unreadable<RegistrationDetails>(
                    "the user has no row in the registration report", Evidence.Graph("GET", "/v1.0" + GraphOperation.ReadRegistrationDetails.Path, DateTimeOffset.UtcNow)),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Authentication methods per user (batched); used for administrators when the report cannot be read.</summary>
    public async Task<IReadOnlyDictionary<string, Fact<IReadOnlyList<RegisteredAuthenticationMethod>>>> ReadMethodsAsync(
        IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var missing = ids.Where(id => !_methods.ContainsKey(id)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (missing.Count > 0)
        {
            var steps = missing.Select(id => new KeyValuePair<string, RequestInformation>(id,
                _session.Client.Users[id].Authentication.Methods.ToGetRequestInformation())).ToList();
            var evidence = Evidence.Graph("GET", "/v1.0/users/{id}/authentication/methods", DateTimeOffset.UtcNow);
            var answers = await _reader.GetAsync(GraphOperation.ReadAuthenticationMethods, () => _batch.SendAsync(steps, "authentication methods", cancellationToken)).ConfigureAwait(false);
            foreach (var pair in answers)
            {
                _methods[pair.Key] = pair.Value.IsSuccess
                    ? Fact.Read(UserRecords.ToMethods((await pair.Value.ReadAsync(AuthenticationMethodCollectionResponse.CreateFromDiscriminatorValue).ConfigureAwait(false))?.Value ?? new()), evidence)
                    : Fact.Unreadable<IReadOnlyList<RegisteredAuthenticationMethod>>(await StepReasonAsync(pair.Value, GraphOperation.ReadAuthenticationMethods).ConfigureAwait(false), evidence);
            }
        }

        return ids.Distinct(StringComparer.OrdinalIgnoreCase).ToDictionary(id => id, id => _methods[id], StringComparer.OrdinalIgnoreCase);
    }

    private User? FromCache(UserReference reference) => reference.Kind switch
    {
        UserReferenceKind.ObjectId => Cached(reference.Value),
        UserReferenceKind.UserPrincipalName => _users.Values.FirstOrDefault(u => string.Equals(u.UserPrincipalName, reference.Value, StringComparison.OrdinalIgnoreCase)),
        _ => _users.Values.FirstOrDefault(u => string.Equals(u.OnPremisesImmutableId, reference.Value, StringComparison.Ordinal)),
    };

    // GET /users/{id | userPrincipalName}; a UPN starting with '$' must use the filter form instead (user-get.md),
    // and an on-premises anchor is only reachable through $filter.
    private static bool UsesFilter(UserReference reference) =>
        reference.Kind == UserReferenceKind.OnPremisesImmutableId
        || (reference.Kind == UserReferenceKind.UserPrincipalName && reference.Value.StartsWith("$", StringComparison.Ordinal));

    private RequestInformation LookupRequest(UserReference reference) =>
        UsesFilter(reference)
            ? _session.Client.Users.ToGetRequestInformation(r => ConfigureFilter(r.QueryParameters, reference))
            : _session.Client.Users[reference.Value].ToGetRequestInformation(r => r.QueryParameters.Select = UserRecords.Select);

    private static void ConfigureFilter(Microsoft.Graph.Users.UsersRequestBuilder.UsersRequestBuilderGetQueryParameters query, UserReference reference)
    {
        var property = reference.Kind == UserReferenceKind.OnPremisesImmutableId ? "onPremisesImmutableId" : "userPrincipalName";
        query.Filter = $"{property} eq {ODataLiteral.Quote(reference.Value)}";
        query.Select = UserRecords.Select;
    }

    private async Task<(User?, SsprException?)> LookupAloneAsync(UserReference reference, CancellationToken cancellationToken)
    {
        var page = await _reader.GetAsync(GraphOperation.ReadUsers, () => _session.Client.Users.GetAsync(
            r => ConfigureFilter(r.QueryParameters, reference), cancellationToken)).ConfigureAwait(false);
        if (page?.Value?.FirstOrDefault() is not { Id: not null } user)
        {
            return (null, UserNotFound(reference));
        }

        _users[user.Id] = user;
        return (user, null);
    }

    private async Task<(User?, SsprException?)> ToUserAsync(UserReference reference, BatchStepResult answer)
    {
        if (!answer.IsSuccess)
        {
            var error = GraphErrorTranslator.Translate(await answer.ErrorAsync().ConfigureAwait(false), GraphOperation.ReadUsers, _session.ServiceRoot);
            if (error is SsprException { Kind: SsprErrorKind.NotFound })
            {
                return (null, UserNotFound(reference));
            }

            if (error is SsprException { GraphStatus: 400 })
            {
                return (null, new SsprException(SsprErrorKind.InvalidArgument, "UserIdInvalid",
                    $"Graph refused '{reference.Value}' as a user id or user principal name.", error));
            }

            throw error;
        }

        var user = UsesFilter(reference)
            ? (await answer.ReadAsync(UserCollectionResponse.CreateFromDiscriminatorValue).ConfigureAwait(false))?.Value?.FirstOrDefault()
            : await answer.ReadAsync(User.CreateFromDiscriminatorValue).ConfigureAwait(false);

        if (user?.Id is null)
        {
            return (null, UserNotFound(reference));
        }

        _users[user.Id] = user;
        return (user, null);
    }

    private static SsprException UserNotFound(UserReference reference) =>
        new(SsprErrorKind.NotFound, "UserNotFound", reference.Kind == UserReferenceKind.OnPremisesImmutableId
            ? $"No user in the tenant has onPremisesImmutableId '{reference.Value}' (is the account synchronized?)."
            : $"User '{reference.Value}' does not exist in the tenant.");

    private async Task<bool> PreferTenantWideAsync(int wanted, CancellationToken cancellationToken)
    {
        if (wanted <= PerUserThreshold)
        {
            return false;
        }

        _tenantUserCount ??= await CountUsersAsync(cancellationToken).ConfigureAwait(false);
        var pages = (_tenantUserCount.Value + ListPageSize - 1) / ListPageSize;
        return pages < wanted;
    }

    // GET /users/$count needs ConsistencyLevel: eventual (aad-advanced-queries.md); when it fails,
    // assume a large tenant and keep to per-user lookups.
    private async Task<int> CountUsersAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _reader.GetAsync(GraphOperation.ReadUsers, () => _session.Client.Users.Count.GetAsync(
                r => r.Headers.Add("ConsistencyLevel", "eventual"), cancellationToken)).ConfigureAwait(false) ?? int.MaxValue;
        }
        catch (SsprException e) when (GraphReader.IsReadSpecific(e))
        {
            return int.MaxValue / 2;
        }
    }

    private async Task ReadWholeReportAsync(IActivityLog log, CancellationToken cancellationToken)
    {
        var report = _session.Client.Reports.AuthenticationMethods.UserRegistrationDetails;
        var fact = await _reader.FactAsync(GraphOperation.ReadRegistrationDetails, () => _reader.ListAsync(
            GraphOperation.ReadRegistrationDetails,
            () => report.GetAsync(cancellationToken: cancellationToken),
            link => report.WithUrl(link).GetAsync(cancellationToken: cancellationToken),
            page => page.Value)).ConfigureAwait(false);
        if (!fact.TryGetValue(out var rows))
        {
            _registrationUnreadable = Fact.Unreadable<RegistrationDetails>(fact.UnreadableReason!, fact.Evidence);
            return;
        }

        log.Verbose($"Read the whole registration report: {rows.Count} row(s).");
        foreach (var row in rows.Where(r => r.Id is not null))
        {
            _registrations[row.Id!] = Fact.Read(UserRecords.ToRegistration(row), fact.Evidence);
        }

        _allRegistrationsRead = true;
    }

    private async Task ReadRegistrationsOneByOneAsync(List<string> ids, CancellationToken cancellationToken)
    {
        var report = _session.Client.Reports.AuthenticationMethods.UserRegistrationDetails;
        var steps = ids.Select(id => new KeyValuePair<string, RequestInformation>(id, report[id].ToGetRequestInformation())).ToList();
        var evidence = Evidence.Graph("GET", "/v1.0" + GraphOperation.ReadRegistrationDetails.Path + "/{id}", DateTimeOffset.UtcNow);
        var answers = await _reader.GetAsync(GraphOperation.ReadRegistrationDetails, () => _batch.SendAsync(steps, "registration details", cancellationToken)).ConfigureAwait(false);
        foreach (var pair in answers)
        {
            if (pair.Value.IsSuccess && await pair.Value.ReadAsync(UserRegistrationDetails.CreateFromDiscriminatorValue).ConfigureAwait(false) is { } row)
            {
                _registrations[pair.Key] = Fact.Read(UserRecords.ToRegistration(row), evidence);
                continue;
            }

            var reason = await StepReasonAsync(pair.Value, GraphOperation.ReadRegistrationDetails).ConfigureAwait(false);
            var unreadable = Fact.Unreadable<RegistrationDetails>(reason, evidence);
            if (pair.Value.Status is 401 or 403 || (pair.Value.Status == 400 && reason.Contains("Premium")))
            {
                // Licence or permission: the same for every user, so stop asking.
                _registrationUnreadable = unreadable;
                return;
            }

            _registrations[pair.Key] = unreadable;
        }
    }

    private async Task<string> StepReasonAsync(BatchStepResult step, GraphOperation operation)
    {
        var error = GraphErrorTranslator.Translate(await step.ErrorAsync().ConfigureAwait(false), operation, _session.ServiceRoot);
        if (error is SsprException translated)
        {
            if (!GraphReader.IsReadSpecific(translated))
            {
                throw translated;
            }

            return GraphReader.Reason(translated);
        }

        return error.Message;
    }
}
