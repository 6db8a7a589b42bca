using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using System.Threading;
using System;
using Microsoft.Graph.Models;
using SsprTools.Engine.Catalogs;
using SsprTools.Engine.Errors;
using SsprTools.Engine.Facts;
using SsprTools.Engine.Graph;
using SsprTools.Engine.Rules;
using SsprTools.Model;

namespace SsprTools.Engine.Diagnosis;

/// <summary>
/// Builds the <see cref="RoleIndex"/> from tenant-wide reads: role definitions, every active role
/// assignment with its principal expanded, PIM eligibility instances, and the members of each
/// role-assignable group that holds a role (a group principal means its members hold the role;
/// rbacapplication-list-roleassignments.md, "role-assignable groups").
/// </summary>
internal sealed class RoleReader
{
    private const string GroupType = "#microsoft.graph.group";
    private const string UserType = "#microsoft.graph.user";

    private readonly GraphAccess _graph;
    private readonly GraphReader _reader;

    public RoleReader(GraphAccess graph, GraphReader reader)
    {
        _graph = graph;
        _reader = reader;
    }

    public async Task<RoleIndex> ReadAsync(CancellationToken cancellationToken)
    {
        var client = _graph.Client.RoleManagement.Directory;
        var definitions = _reader.FactAsync(GraphOperation.ReadRoleDefinitions, () => _reader.ListAsync(
            GraphOperation.ReadRoleDefinitions,
            () => client.RoleDefinitions.GetAsync(r => r.QueryParameters.Select = new[] { "id", "displayName", "templateId", "isBuiltIn" }, cancellationToken),
            link => client.RoleDefinitions.WithUrl(link).GetAsync(cancellationToken: cancellationToken),
            page => page.Value));
        SsprException? assignmentFailure = null;
        // Keeps the translated error behind unreadable assignments, for commands that cannot go on without them
        // (Get-SsprAdmin): its real kind and ErrorId (licence, not found, permission), never a blanket PermissionDenied.
        var assignments = _reader.FactAsync(GraphOperation.ReadRoleAssignments, () => _reader.ListAsync(
            GraphOperation.ReadRoleAssignments,
            () => client.RoleAssignments.GetAsync(r => r.QueryParameters.Expand = new[] { "principal" }, cancellationToken),
            link => client.RoleAssignments.WithUrl(link).GetAsync(cancellationToken: cancellationToken),
            page => page.Value), e => assignmentFailure = e);
        var eligibility = _reader.FactAsync(GraphOperation.ReadRoleEligibility, () => _reader.ListAsync(
            GraphOperation.ReadRoleEligibility,
            () => client.RoleEligibilityScheduleInstances.GetAsync(r => r.QueryParameters.Expand = new[] { "principal" }, cancellationToken),
            link => client.RoleEligibilityScheduleInstances.WithUrl(link).GetAsync(cancellationToken: cancellationToken),
            page => page.Value));
        await Task.WhenAll(definitions, assignments, eligibility).ConfigureAwait(false);

        var names = RoleNames(definitions.Result);
        var principals = new Dictionary<string, DirectoryPrincipal>(StringComparer.OrdinalIgnoreCase);
        var grants = new List<Grant>();
        if (assignments.Result.TryGetValue(out var active))
        {
            grants.AddRange(active.Select(a => new Grant(a.PrincipalId, a.RoleDefinitionId, a.Principal, RoleAssignmentType.Active, a.DirectoryScopeId)));
        }

        if (eligibility.Result.TryGetValue(out var eligible))
        {
            grants.AddRange(eligible.Select(e => new Grant(e.PrincipalId, e.RoleDefinitionId, e.Principal, RoleAssignmentType.Eligible, e.DirectoryScopeId)));
        }

        var groups = grants.Where(g => IsGroup(g.Principal))
            .GroupBy(g => g.PrincipalId!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (g.First().Principal as Group)?.DisplayName, StringComparer.OrdinalIgnoreCase);
        var groupIds = groups.Keys.ToList();
        var members = await ReadGroupMembersAsync(groupIds, groups, cancellationToken).ConfigureAwait(false);

        var activeHoldings = new Dictionary<string, List<AdminRoleHolding>>(StringComparer.OrdinalIgnoreCase);
        var eligibleHoldings = new Dictionary<string, List<AdminRoleHolding>>(StringComparer.OrdinalIgnoreCase);
        foreach (var grant in grants)
        {
            if (string.IsNullOrEmpty(grant.PrincipalId) || string.IsNullOrEmpty(grant.RoleDefinitionId))
            {
                continue;
            }

            var target = grant.AssignmentType == RoleAssignmentType.Active ? activeHoldings : eligibleHoldings;
            var (roleName, templateId, isBuiltIn) = names(grant.RoleDefinitionId!);
            var scope = string.IsNullOrEmpty(grant.DirectoryScopeId) ? RoleScope.Tenant : grant.DirectoryScopeId!;
            if (IsGroup(grant.Principal))
            {
                if (!members.Members.TryGetValue(grant.PrincipalId!, out var groupMembers))
                {
                    continue;
                }

                var groupName = (grant.Principal as Group)?.DisplayName;
                foreach (var member in groupMembers)
                {
                    principals[member.Id] = member;
                    Add(target, member.Id, new AdminRoleHolding
                    {
                        RoleName = roleName, RoleTemplateId = templateId, AssignmentType = grant.AssignmentType,
                        Via = RoleAssignmentVia.Group, GroupName = groupName, DirectoryScopeId = scope, IsBuiltIn = isBuiltIn,
                    });
                }
            }
            else if (grant.Principal is null || grant.Principal.OdataType == UserType || grant.Principal is User)
            {
                if (grant.Principal is User user)
                {
                    principals[grant.PrincipalId!] = new DirectoryPrincipal(grant.PrincipalId!, user.UserPrincipalName, user.DisplayName);
                }

                Add(target, grant.PrincipalId!, new AdminRoleHolding
                {
                    RoleName = roleName, RoleTemplateId = templateId, AssignmentType = grant.AssignmentType, Via = RoleAssignmentVia.Direct,
                    DirectoryScopeId = scope, IsBuiltIn = isBuiltIn,
                });
            }

            // Service principals hold roles too; they never reset a password, so they are left out.
        }

        return new RoleIndex(activeHoldings, eligibleHoldings, principals,
            Source(assignments.Result, members.Gaps) with { Failure = assignmentFailure },
            Source(eligibility.Result, members.Gaps));
    }

    private static RoleSource Source<T>(Fact<T> fact, string? gaps) =>
        fact.IsReadable ? new RoleSource(true, null, fact.Evidence, gaps) : new RoleSource(false, fact.UnreadableReason, fact.Evidence);

    private static bool IsGroup(DirectoryObject? principal) => principal is Group || principal?.OdataType == GroupType;

    private static void Add(Dictionary<string, List<AdminRoleHolding>> holdings, string userId, AdminRoleHolding holding)
    {
        if (!holdings.TryGetValue(userId, out var list))
        {
            holdings[userId] = list = new List<AdminRoleHolding>();
        }

        if (!list.Any(h => h.RoleTemplateId == holding.RoleTemplateId && h.Via == holding.Via && h.GroupName == holding.GroupName
                && h.DirectoryScopeId == holding.DirectoryScopeId))
        {
            list.Add(holding);
        }
    }

    // Built-in roles have id == templateId; a role Graph cannot name is named by the catalog when it can. isBuiltIn stays
    // null when the definitions could not be read: the role is then judged by its id alone (RoleStanding).
    private static Func<string, (string Name, string TemplateId, bool? IsBuiltIn)> RoleNames(Fact<List<UnifiedRoleDefinition>> definitions)
    {
        var byId = new Dictionary<string, (string, string, bool?)>(StringComparer.OrdinalIgnoreCase);
        if (definitions.TryGetValue(out var list))
        {
            foreach (var definition in list.Where(d => d.Id is not null))
            {
                byId[definition.Id!] = (definition.DisplayName ?? definition.Id!, definition.TemplateId ?? definition.Id!, definition.IsBuiltIn);
            }
        }

        return id => byId.TryGetValue(id, out var known)
            ? known
            : (AdminRoleCatalog.Roles.FirstOrDefault(r => string.Equals(r.TemplateId, id, StringComparison.OrdinalIgnoreCase))?.CurrentName
               ?? AdminRoleCatalog.Roles.FirstOrDefault(r => string.Equals(r.TemplateId, id, StringComparison.OrdinalIgnoreCase))?.ListedName
               ?? UnlistedBuiltInRoles.Roles.FirstOrDefault(r => string.Equals(r.TemplateId, id, StringComparison.OrdinalIgnoreCase))?.Name
               ?? id, id, null);
    }

    private async Task<(Dictionary<string, List<DirectoryPrincipal>> Members, string? Gaps)> ReadGroupMembersAsync(
        List<string> groupIds, IReadOnlyDictionary<string, string?> groupNames, CancellationToken cancellationToken)
    {
        var members = new Dictionary<string, List<DirectoryPrincipal>>(StringComparer.OrdinalIgnoreCase);
        var failures = new List<string>();
        var reads = groupIds.Select(async groupId =>
        {
            var group = _graph.Client.Groups[groupId].Members;
            try
            {
                var objects = await _reader.ListAsync(
                    GraphOperation.ReadGroupMembers,
                    () => group.GetAsync(r =>
                    {
                        r.QueryParameters.Select = new[] { "id", "userPrincipalName", "displayName" };
                        r.QueryParameters.Top = 999;
                    }, cancellationToken),
                    link => group.WithUrl(link).GetAsync(cancellationToken: cancellationToken),
                    page => page.Value).ConfigureAwait(false);
                var users = objects
                    .Where(o => o is User || o.OdataType == UserType)
                    .Select(o => new DirectoryPrincipal(o.Id!, (o as User)?.UserPrincipalName, (o as User)?.DisplayName))
                    .ToList();
                lock (members)
                {
                    members[groupId] = users;
                }
            }
            catch (SsprException e) when (GraphReader.IsReadSpecific(e))
            {
                lock (failures)
                {
                    var name = groupNames.TryGetValue(groupId, out var n) && !string.IsNullOrEmpty(n) ? $"'{n}' ({groupId})" : groupId;
                    failures.Add($"members of role-assignable group {name} could not be read ({GraphReader.Reason(e)})");
                }
            }
        });
        await Task.WhenAll(reads).ConfigureAwait(false);
        failures.Sort(StringComparer.Ordinal);
        return (members, failures.Count == 0 ? null : string.Join("; ", failures));
    }

    private sealed record Grant(string? PrincipalId, string? RoleDefinitionId, DirectoryObject? Principal, string AssignmentType, string? DirectoryScopeId);
}
