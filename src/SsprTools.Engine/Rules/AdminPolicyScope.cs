using System.Collections.Generic;
using System.Linq;
using SsprTools.Engine.Catalogs;
using SsprTools.Engine.Facts;
using SsprTools.Engine.Rules;
using SsprTools.Model;

namespace SsprTools.Engine.Rules;

/// <summary>Who the administrator reset policy covers (see <see cref="AdminRoleCatalog"/>).</summary>
public static class AdminPolicyScope
{
    /// <summary>The user as an <see cref="SsprAdmin"/> when they hold, actively or eligibly, at least one listed role
    /// (including the inferred mapping) or a role the list does not decide either way: a custom role or a built-in role
    /// newer than the list (<see cref="RoleStanding"/>), whose holders may be under the administrator policy, so "every
    /// administrator" must not leave them out. Null otherwise. Unreadable role facts contribute nothing.</summary>
    public static SsprAdmin? DescribeAdmin(UserFacts user)
    {
        var assessment = AdminAssessment.Assess(user);
        var undecided = Holdings(user.ActiveRoles).Concat(Holdings(user.EligibleRoles))
            .Where(h => RoleStanding.Of(h) is RoleStandingKind.Custom or RoleStandingKind.Unknown);
        var roles = assessment.ActiveListed.Concat(assessment.EligibleListed).Concat(undecided).ToArray();
        return roles.Length == 0
            ? null
            : new SsprAdmin
            {
                UserId = user.Id,
                UserPrincipalName = user.UserPrincipalName,
                DisplayName = user.DisplayName,
                IsSynced = SyncedUser.IsSynced(user),
                Roles = roles,
            };
    }

    private static IEnumerable<AdminRoleHolding> Holdings(Fact<IReadOnlyList<AdminRoleHolding>> fact) =>
        fact.TryGetValue(out var holdings) ? holdings : Enumerable.Empty<AdminRoleHolding>();
}
