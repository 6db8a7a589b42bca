using System;
using System.Collections.Generic;
using System.Linq;
using SsprTools.Engine.Facts;
using SsprTools.Model;

namespace SsprTools.Engine.Diagnosis;

/// <summary>
/// Who holds which directory role, read once per run: active assignments (direct or through a
/// role-assignable group) and PIM-eligible ones. Answers per user, as facts: a user with a direct
/// assignment is known even when some group's members could not be read; anyone else then is not.
/// </summary>
internal sealed class RoleIndex
{
    private readonly Dictionary<string, List<AdminRoleHolding>> _active;
    private readonly Dictionary<string, List<AdminRoleHolding>> _eligible;
    private readonly Dictionary<string, DirectoryPrincipal> _principals;

    public RoleIndex(
        Dictionary<string, List<AdminRoleHolding>> active,
        Dictionary<string, List<AdminRoleHolding>> eligible,
        Dictionary<string, DirectoryPrincipal> principals,
        RoleSource activeSource,
        RoleSource eligibleSource)
    {
        _active = active;
        _eligible = eligible;
        _principals = principals;
        ActiveSource = activeSource;
        EligibleSource = eligibleSource;
    }

    public RoleSource ActiveSource { get; }

    public RoleSource EligibleSource { get; }

    public Fact<IReadOnlyList<AdminRoleHolding>> ActiveFor(string userId) => For(_active, ActiveSource, userId);

    public Fact<IReadOnlyList<AdminRoleHolding>> EligibleFor(string userId) => For(_eligible, EligibleSource, userId);

    /// <summary>Why a user's readable active roles may still lack some: the sources that could not be read (null when all
    /// were). A user with no known holding gets an unreadable fact instead (<see cref="ActiveFor"/>).</summary>
    public string? ActiveIncompleteFor(string userId) =>
        ActiveSource.Readable && _active.ContainsKey(userId) ? ActiveSource.GroupGaps : null;

    /// <summary>Every user known to hold a role (any role, listed or not), active and optionally eligible.</summary>
    public IEnumerable<string> RoleHolderIds(bool includeEligible) =>
        includeEligible ? _active.Keys.Union(_eligible.Keys, StringComparer.OrdinalIgnoreCase) : _active.Keys;

    public DirectoryPrincipal? Describe(string userId) => _principals.TryGetValue(userId, out var principal) ? principal : null;

    private static Fact<IReadOnlyList<AdminRoleHolding>> For(Dictionary<string, List<AdminRoleHolding>> holdings, RoleSource source, string userId)
    {
        var found = holdings.TryGetValue(userId, out var list) ? list : null;
        if (!source.Readable)
        {
            return Fact.Unreadable<IReadOnlyList<AdminRoleHolding>>(source.Reason!, source.Evidence);
        }

        // Direct holdings are certain; only "holds nothing" depends on every group having been read.
        if (found is null && source.GroupGaps is { } gap)
        {
            return Fact.Unreadable<IReadOnlyList<AdminRoleHolding>>(gap, source.Evidence);
        }

        return Fact.Read<IReadOnlyList<AdminRoleHolding>>(found ?? new List<AdminRoleHolding>(), source.Evidence);
    }
}

/// <summary>Where role data came from and whether it (and every role-assignable group's members) could be read.</summary>
internal sealed record RoleSource(bool Readable, string? Reason, Evidence Evidence, string? GroupGaps = null)
{
    /// <summary>Why the read failed, for commands that cannot go on without it.</summary>
    public Errors.SsprException? Failure { get; init; }
}
