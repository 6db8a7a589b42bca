using System.Linq;
using SsprTools.Engine.Facts;
using SsprTools.Engine.Model;

namespace SsprTools.Engine.Rules;

/// <summary>Who the administrator reset policy covers (see <see cref="AdminRoleCatalog"/>).</summary>
public static class AdminPolicyScope
{
    /// <summary>The user as an <see cref="SsprAdmin"/> when they hold, actively or eligibly, at least one listed role
    /// (including the inferred mapping); null otherwise. Unreadable role facts contribute nothing.</summary>
    public static SsprAdmin? DescribeAdmin(UserFacts user)
    {
        var assessment = AdminAssessment.Assess(user);
        var roles = assessment.ActiveListed.Concat(assessment.EligibleListed).ToArray();
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
}
