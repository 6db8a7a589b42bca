using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using System.Threading;
using System;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;
using SsprTools.Engine.Logging;
using SsprTools.Engine.Errors;
using SsprTools.Engine.Facts;
using SsprTools.Engine.Graph;
using SsprTools.Engine.Logging;

namespace SsprTools.Engine.Diagnosis;

/// <summary>
/// User records for one run. Resolves what callers typed (ids, UPNs, on-premises anchors) by
/// per-user $batch lookups or, when cheaper, one paged read of every user, and remembers them for
/// later chunks of a pipeline.
/// </summary>
internal sealed class UserDirectory
{
    private readonly GraphAccess _graph;
    private readonly GraphReader _reader;
    private readonly GraphBatch _batch;
    private readonly ReadPlanner _planner;
    private readonly Dictionary<string, DirectoryUser> _byId = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DirectoryUser> _byUpn = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DirectoryUser> _byAnchor = new(StringComparer.Ordinal);
    private Evidence? _evidence;
    private bool _allRead;

    public UserDirectory(GraphAccess graph, GraphReader reader, GraphBatch batch, ReadPlanner planner)
    {
        _graph = graph;
        _reader = reader;
        _batch = batch;
        _planner = planner;
    }

    public Evidence Evidence => _evidence ?? Evidence.Graph("GET", "/v1.0/users", _graph.Clock.GetUtcNow());

    public DirectoryUser? Cached(string id) => _byId.TryGetValue(id, out var user) ? user : null;

    /// <summary>Looks users up; a name that matches no user is a per-input error, not an exception.</summary>
    public async Task<Dictionary<UserReference, (DirectoryUser? User, SsprException? Error)>> ResolveAsync(
        IReadOnlyCollection<UserReference> references, IActivityLog log, CancellationToken cancellationToken)
    {
        var wanted = references.Distinct().ToList();
        var unknown = wanted.Where(r => FromCache(r) is null).ToList();
        if (unknown.Count > 0 && !_allRead && await _planner.PreferTenantWideAsync(unknown.Count, ReadPlanner.LargestPage, cancellationToken).ConfigureAwait(false))
        {
            await ReadAllAsync(log, cancellationToken).ConfigureAwait(false);
        }

        var results = new Dictionary<UserReference, (DirectoryUser?, SsprException?)>();
        var lookups = new List<KeyValuePair<string, RequestInformation>>();
        var byKey = new Dictionary<string, UserReference>(StringComparer.Ordinal);
        foreach (var reference in wanted)
        {
            if (FromCache(reference) is { } cached)
            {
                results[reference] = (cached, null);
            }
            else if (_allRead)
            {
                // Every user was just listed: a name not among them does not exist.
                results[reference] = (null, UserNotFound(reference));
            }
            else
            {
                var key = lookups.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                byKey[key] = reference;
                lookups.Add(new KeyValuePair<string, RequestInformation>(key, LookupRequest(reference)));
            }
        }

        if (lookups.Count > 0)
        {
            _evidence ??= Evidence.Graph("GET", "/v1.0/users/{id}", _graph.Clock.GetUtcNow());
            var answers = await _reader.GetAsync(GraphOperation.ReadUsers, () => _batch.SendAsync(lookups, "users", cancellationToken)).ConfigureAwait(false);
            foreach (var pair in answers)
            {
                var reference = byKey[pair.Key];
                results[reference] = await ToUserAsync(reference, pair.Value).ConfigureAwait(false);
            }
        }

        return results;
    }

    /// <summary>Makes sure these user ids are read (ids that do not exist are simply absent).</summary>
    public Task ReadByIdAsync(IReadOnlyCollection<string> ids, IActivityLog log, CancellationToken cancellationToken) =>
        ResolveAsync(ids.Select(id => new UserReference(UserReferenceKind.ObjectId, id)).ToList(), log, cancellationToken);

    private async Task ReadAllAsync(IActivityLog log, CancellationToken cancellationToken)
    {
        log.Verbose($"Reading every user of the tenant in pages of {ReadPlanner.LargestPage}: fewer requests than looking users up one by one.");
        var users = _graph.Client.Users;
        _evidence = Evidence.Graph("GET", "/v1.0/users", _graph.Clock.GetUtcNow());
        var all = await _reader.ListAsync(
            GraphOperation.ReadUsers,
            () => users.GetAsync(r => { r.QueryParameters.Select = UserRecords.Select; r.QueryParameters.Top = ReadPlanner.LargestPage; }, cancellationToken),
            link => users.WithUrl(link).GetAsync(cancellationToken: cancellationToken),
            page => page.Value,
            user => user.Id is null ? null : UserRecords.FromGraph(user)).ConfigureAwait(false);
        foreach (var user in all.OfType<DirectoryUser>())
        {
            Remember(user);
        }

        _allRead = true;
    }

    private DirectoryUser Remember(DirectoryUser user)
    {
        _byId[user.Id] = user;
        if (user.UserPrincipalName.Length > 0)
        {
            _byUpn[user.UserPrincipalName] = user;
        }

        if (user.OnPremisesImmutableId is { } anchor)
        {
            _byAnchor[anchor] = user;
        }

        return user;
    }

    private DirectoryUser? FromCache(UserReference reference) => reference.Kind switch
    {
        UserReferenceKind.ObjectId => Cached(reference.Value),
        UserReferenceKind.UserPrincipalName => _byUpn.TryGetValue(reference.Value, out var user) ? user : null,
        _ => _byAnchor.TryGetValue(reference.Value, out var user) ? user : null,
    };

    // GET /users/{id | userPrincipalName}, the key one percent-encoded path segment (user-get.md). A UPN starting
    // with '$' cannot be a segment (user-get.md, Tip: /users/$x@y.com is 400); of the two documented ways round it,
    // /users('$x@y.com') and $filter=userPrincipalName eq '…' (user-list.md), the filter goes through the SDK's
    // encoding and ODataLiteral instead of a hand-built URL. An on-premises anchor is only reachable through $filter.
    private static bool UsesFilter(UserReference reference) =>
        reference.Kind == UserReferenceKind.OnPremisesImmutableId
        || (reference.Kind == UserReferenceKind.UserPrincipalName && reference.Value.StartsWith("$", StringComparison.Ordinal));

    private RequestInformation LookupRequest(UserReference reference) =>
        UsesFilter(reference)
            ? _graph.Client.Users.ToGetRequestInformation(r => ConfigureFilter(r.QueryParameters, reference))
            : _graph.Client.Users[reference.Value].ToGetRequestInformation(r => r.QueryParameters.Select = UserRecords.Select);

    private static void ConfigureFilter(Microsoft.Graph.Users.UsersRequestBuilder.UsersRequestBuilderGetQueryParameters query, UserReference reference)
    {
        var property = reference.Kind == UserReferenceKind.OnPremisesImmutableId ? "onPremisesImmutableId" : "userPrincipalName";
        query.Filter = $"{property} eq {ODataLiteral.Quote(reference.Value)}";
        query.Select = UserRecords.Select;
    }

    private async Task<(DirectoryUser?, SsprException?)> ToUserAsync(UserReference reference, BatchStepResult answer)
    {
        if (!answer.IsSuccess)
        {
            var error = await answer.ErrorAsync(GraphOperation.ReadUsers, _graph.ServiceRoot).ConfigureAwait(false);
            return error switch
            {
                { Kind: SsprErrorKind.NotFound } => (null, UserNotFound(reference)),
                { GraphStatus: 400 } => (null, new SsprException(SsprErrorKind.InvalidArgument, "UserIdInvalid",
                    $"Graph refused '{reference.Value}' as a user id or user principal name.", error)),
                _ => throw error,
            };
        }

        var user = UsesFilter(reference)
            ? (await answer.ReadAsync(UserCollectionResponse.CreateFromDiscriminatorValue).ConfigureAwait(false))?.Value?.FirstOrDefault()
            : await answer.ReadAsync(User.CreateFromDiscriminatorValue).ConfigureAwait(false);
        return Found(reference, user);
    }

    private (DirectoryUser?, SsprException?) Found(UserReference reference, User? graphUser)
    {
        var user = graphUser?.Id is null ? null : Remember(UserRecords.FromGraph(graphUser));
        return user is null ? (null, UserNotFound(reference)) : (user, null);
    }

    private static SsprException UserNotFound(UserReference reference) =>
        new(SsprErrorKind.NotFound, "UserNotFound", reference.Kind == UserReferenceKind.OnPremisesImmutableId
            ? $"No user in the tenant has onPremisesImmutableId '{reference.Value}' (is the account synchronized?)."
            : $"User '{reference.Value}' does not exist in the tenant.");
}
