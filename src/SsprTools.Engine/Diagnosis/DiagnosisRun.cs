using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using System.Threading;
using System;
using SsprTools.Engine.Activity;
using SsprTools.Engine.Catalogs;
using SsprTools.Engine.Connection;
using SsprTools.Engine.Logging;
using SsprTools.Engine.Facts;
using SsprTools.Engine.Graph;
using SsprTools.Engine.Logging;
using SsprTools.Engine.Rules;
using SsprTools.Model;

namespace SsprTools.Engine.Diagnosis;

/// <summary>
/// One diagnosis, as one cmdlet invocation runs it: tenant-wide facts (policy, organization,
/// licences, roles) are read once, on first need; per-user data is read per chunk of input and
/// kept; each user's facts then go through the pure <see cref="ResetPredictor"/>.
/// </summary>
public sealed class DiagnosisRun
{
    private readonly DiagnosisOptions _options;
    private readonly TenantReader _tenantReader;
    private readonly RoleReader _roleReader;
    private readonly UserDirectory _directory;
    private readonly RegistrationReader _registrations;
    private readonly LiveConfirmation _liveConfirmation;
    private readonly ResetPredictor _predictor = new();
    private readonly TimeProvider _clock;
    private readonly ObservedResetReader _observed;
    private TenantFacts? _tenant;
    private RoleIndex? _roles;

    /// <summary>Starts a diagnosis on the connected tenant: tenant-wide facts are read once, per-user data as needed.</summary>
    public static DiagnosisRun Start(SsprSession session, DiagnosisOptions options) =>
        new((session ?? throw new ArgumentNullException(nameof(session))).Graph, options);

    internal DiagnosisRun(GraphAccess graph, DiagnosisOptions options)
    {
        _options = options;
        _clock = graph.Clock;
        var reader = new GraphReader(graph.ServiceRoot, graph.Clock);
        _tenantReader = new TenantReader(graph, reader);
        _roleReader = new RoleReader(graph, reader);
        var batch = new GraphBatch(graph.Client, graph.Retry, graph.Clock);
        var planner = new ReadPlanner(graph, reader);
        _directory = new UserDirectory(graph, reader, batch, planner);
        _registrations = new RegistrationReader(graph, reader, batch, planner);
        _liveConfirmation = new LiveConfirmation(_registrations);
        _observed = new ObservedResetReader(new UserAttemptReader(new AuditLogReader(graph.Client, reader)), reader);
    }

    /// <summary>The SSPR-for-administrators switch as this run read it (null before the run read the tenant, or when it could not),
    /// so a report on the run shows the same value without asking Graph again.</summary>
    public AdminPolicy? AdminPolicy => _tenantReader.AdminPolicy;

    /// <summary>Every user holding a role on the administrator reset policy list (active; eligible too when asked).</summary>
    public async Task<IReadOnlyList<SsprAdmin>> GetAdminsAsync(bool includeEligible, IReadOnlyCollection<string>? roleNames, IActivityLog log, CancellationToken cancellationToken)
    {
        using var _ = AmbientLog.Use(log);
        var facts = await AdminFactsAsync(includeEligible, log, cancellationToken).ConfigureAwait(false);
        return facts
            .Select(f => AdminPolicyScope.DescribeAdmin(f))
            .Where(a => a is not null)
            .Select(a => Narrow(a!, includeEligible, roleNames))
            .Where(a => a.Roles.Length > 0)
            .OrderBy(a => a.UserPrincipalName, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>Predictions for every administrator (see <see cref="GetAdminsAsync"/>).</summary>
    public async Task<IReadOnlyList<ResetPrediction>> PredictAdminsAsync(bool includeEligible, IActivityLog log, CancellationToken cancellationToken)
    {
        using var _ = AmbientLog.Use(log);
        var admins = (await AdminFactsAsync(includeEligible, log, cancellationToken).ConfigureAwait(false))
            .Where(f => AdminPolicyScope.DescribeAdmin(f) is { } admin && Narrow(admin, includeEligible, null).Roles.Length > 0)
            .ToList();
        return await PredictUsersAsync(admins, mostlyAdmins: true, log, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Predictions for users as the caller named them; a name that resolves to no user gives an error result, not an exception.</summary>
    public Task<IReadOnlyList<PredictionResult>> PredictAsync(IReadOnlyList<UserReference> references, IActivityLog log, CancellationToken cancellationToken) =>
        PredictAsync(references, new Dictionary<UserReference, int?>(), log, cancellationToken);

    /// <summary>As <see cref="PredictAsync(IReadOnlyList{UserReference}, IActivityLog, CancellationToken)"/>, with the
    /// on-premises adminCount the caller stated for some of the users (-AdminCount; null: stated as not set).</summary>
    public async Task<IReadOnlyList<PredictionResult>> PredictAsync(
        IReadOnlyList<UserReference> references, IReadOnlyDictionary<UserReference, int?> statedAdminCounts, IActivityLog log, CancellationToken cancellationToken)
    {
        using var _ = AmbientLog.Use(log);
        await EnsureTenantAsync(log, cancellationToken).ConfigureAwait(false);
        log.Progress(new ProgressUpdate("Predicting self-service password reset", $"Looking up {references.Count} user(s)"));
        var resolved = await _directory.ResolveAsync(references, log, cancellationToken).ConfigureAwait(false);
        var statedAt = _clock.GetUtcNow();
        var facts = references
            .Where(r => resolved[r].User is not null)
            .Select(r => WithStatedAdminCount(BaseFacts(resolved[r].User!), statedAdminCounts, r, statedAt))
            .GroupBy(f => f.Id).Select(g => g.First()).ToList();
        var predictions = (await PredictUsersAsync(facts, mostlyAdmins: false, log, cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.UserId, StringComparer.OrdinalIgnoreCase);
        return references.Select(reference =>
        {
            var (user, error) = resolved[reference];
            return user is null ? new PredictionResult(reference, null, error) : new PredictionResult(reference, predictions[user.Id], null);
        }).ToList();
    }

    private static UserFacts WithStatedAdminCount(UserFacts facts, IReadOnlyDictionary<UserReference, int?> stated, UserReference reference, DateTimeOffset statedAt) =>
        stated.TryGetValue(reference, out var adminCount)
            ? facts with { OnPremisesAdminCount = Fact.Read(adminCount, Evidence.Parameter("-AdminCount", statedAt)) }
            : facts;

    private async Task EnsureTenantAsync(IActivityLog log, CancellationToken cancellationToken)
    {
        if (_tenant is not null && _roles is not null)
        {
            return;
        }

        log.Progress(new ProgressUpdate("Predicting self-service password reset", "Reading tenant-wide facts: policy, organization, licences, roles"));
        var tenant = _tenantReader.ReadAsync(_options, log, cancellationToken);
        var roles = _roleReader.ReadAsync(cancellationToken);
        await Task.WhenAll(tenant, roles).ConfigureAwait(false);
        _tenant = tenant.Result;
        _roles = roles.Result;
    }

    private async Task<List<UserFacts>> AdminFactsAsync(bool includeEligible, IActivityLog log, CancellationToken cancellationToken)
    {
        await EnsureTenantAsync(log, cancellationToken).ConfigureAwait(false);
        if (_roles!.ActiveSource.Failure is { } failure)
        {
            // Listing administrators is nothing but role data: without it there is no answer, not an empty one.
            throw failure;
        }

        if (_roles.ActiveSource.GroupGaps is { } gaps)
        {
            log.Warning($"Some administrators may be missing: {gaps}.");
        }

        var holders = _roles.RoleHolderIds(includeEligible).ToList();
        await _directory.ReadByIdAsync(holders, log, cancellationToken).ConfigureAwait(false);
        return holders.Select(id => _directory.Cached(id) is { } user ? BaseFacts(user) : PrincipalFacts(id)).ToList();
    }

    private async Task<IReadOnlyList<ResetPrediction>> PredictUsersAsync(List<UserFacts> users, bool mostlyAdmins, IActivityLog log, CancellationToken cancellationToken)
    {
        var ids = users.Select(u => u.Id).ToList();
        var registrations = await _registrations.ReadAsync(ids, mostlyAdmins, log, cancellationToken).ConfigureAwait(false);

        // Without the report, an administrator's methods can still be counted from the methods API.
        var needMethods = users
            .Where(u => !registrations[u.Id].IsReadable && MayBeAdmin(u))
            .Select(u => u.Id)
            .ToList();
        var methods = needMethods.Count == 0
            ? new Dictionary<string, Fact<IReadOnlyList<RegisteredAuthenticationMethod>>>()
            : await _registrations.ReadMethodsAsync(needMethods, cancellationToken).ConfigureAwait(false);

        var observed = _options.IncludeActivity
            ? await _observed.ReadAsync(ids, log, cancellationToken).ConfigureAwait(false)
            : null;

        var predictions = new List<ResetPrediction>(users.Count);
        var completed = new List<UserFacts>(users.Count);
        foreach (var user in users)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var complete = user with
            {
                Registration = registrations[user.Id],
                AuthenticationMethods = methods.TryGetValue(user.Id, out var userMethods) ? userMethods : user.AuthenticationMethods,
                ObservedResets = observed is null ? user.ObservedResets : observed[user.Id],
            };
            completed.Add(complete);
            predictions.Add(_predictor.Predict(_tenant!, complete));
            if (predictions.Count % 100 == 0 || predictions.Count == users.Count)
            {
                log.Progress(new ProgressUpdate("Predicting self-service password reset", $"{predictions.Count} of {users.Count} user(s)",
                    (int)(100L * predictions.Count / Math.Max(1, users.Count))));
            }
        }

        await ConfirmLiveAsync(completed, predictions, log, cancellationToken).ConfigureAwait(false);
        return predictions;
    }

    // The registration report may lag a new registration by up to 36 hours (howto-authentication-methods-activity.md), so
    // an SSPR_0014 that rests on it is predicted again with the user's live methods: one targeted read, those users only.
    private async Task ConfirmLiveAsync(List<UserFacts> users, List<ResetPrediction> predictions, IActivityLog log, CancellationToken cancellationToken)
    {
        var indexes = Enumerable.Range(0, users.Count)
            .Where(i => LiveConfirmation.Needed(predictions[i], users[i]))
            .ToList();
        if (indexes.Count == 0)
        {
            return;
        }

        log.Progress(new ProgressUpdate("Predicting self-service password reset", $"Confirming {indexes.Count} SSPR_0014 verdict(s) against live authentication methods"));
        // Administrators (and users who may be one) are always confirmed; other users share a small budget.
        var administrators = new HashSet<string>(indexes.Where(i => predictions[i].IsAdmin != false).Select(i => users[i].Id), StringComparer.OrdinalIgnoreCase);
        var live = await _liveConfirmation.ReadAsync(indexes.Select(i => users[i].Id).ToList(), administrators, cancellationToken).ConfigureAwait(false);
        foreach (var i in indexes)
        {
            predictions[i] = _predictor.Predict(_tenant!, users[i] with { AuthenticationMethods = live[users[i].Id] });
        }
    }

    private UserFacts BaseFacts(DirectoryUser user) => UserRecords.ToFacts(user, _directory.Evidence) with
    {
        ActiveRoles = _roles!.ActiveFor(user.Id),
        RoleListIncomplete = _roles.ActiveIncompleteFor(user.Id),
        EligibleRoles = _roles.EligibleFor(user.Id),
    };

    // A role holder whose user record could not be read: what the role data named them, nothing more.
    private UserFacts PrincipalFacts(string id)
    {
        var principal = _roles!.Describe(id);
        return new UserFacts
        {
            Id = id,
            UserPrincipalName = principal?.UserPrincipalName ?? string.Empty,
            DisplayName = principal?.DisplayName ?? string.Empty,
            ActiveRoles = _roles.ActiveFor(id),
            RoleListIncomplete = _roles.ActiveIncompleteFor(id),
            EligibleRoles = _roles.EligibleFor(id),
        };
    }

    private static bool MayBeAdmin(UserFacts user) => AdminAssessment.Assess(user).Status != AdminStatus.NotAdmin;

    private static SsprAdmin Narrow(SsprAdmin admin, bool includeEligible, IReadOnlyCollection<string>? roleNames)
    {
        var roles = admin.Roles
            .Where(r => includeEligible || r.AssignmentType == RoleAssignmentType.Active)
            .Where(r => roleNames is null || roleNames.Count == 0 || roleNames.Any(name => RoleNameMatches(r, name)))
            .ToArray();
        return roles.Length == admin.Roles.Length
            ? admin
            : new SsprAdmin { UserId = admin.UserId, UserPrincipalName = admin.UserPrincipalName, DisplayName = admin.DisplayName, IsSynced = admin.IsSynced, Roles = roles };
    }

    private static bool RoleNameMatches(AdminRoleHolding holding, string name) =>
        string.Equals(holding.RoleName, name.Trim(), StringComparison.OrdinalIgnoreCase)
        || string.Equals(AdminRoleCatalog.Match(holding)?.ListedName, name.Trim(), StringComparison.OrdinalIgnoreCase);
}
