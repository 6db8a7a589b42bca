using System.Linq;
using SsprTools.Engine.Facts;
using SsprTools.Engine.Findings;
using SsprTools.Model;

namespace SsprTools.Engine.Rules;

/// <summary>For a user only PIM-eligible for listed roles: the user policy decides today, and the finding shows what the
/// administrator policy would predict while a role is active ("Eligible assignments require the member of the role to
/// perform an action to use the role", id-governance pim-how-to-add-role-to-user.md).</summary>
internal static class EligibleActivation
{
    public static Finding Describe(AdminAssessment assessment, PolicyOutcome asAdministrator, UserFacts user)
    {
        var roles = string.Join(", ", AdminAssessment.RoleNames(assessment.EligibleListed));
        var fails = asAdministrator.Outcome == PredictionOutcome.Fails;
        var message =
            $"Eligible (PIM) for {roles} but holds no such role actively, so the user reset policy applies now. "
            + $"While a role is activated the administrator policy applies: reset would be {asAdministrator.Verdict} ({asAdministrator.Reason}).";
        var evidence = FactText.Describe("eligible role assignments", user.EligibleRoles, AdminAssessment.Names);
        var remediation = fails
            ? asAdministrator.Findings.First(f => f.ErrorCode == asAdministrator.PredictedError).Remediation
            : null;
        return asAdministrator.Outcome == PredictionOutcome.Succeeds
            ? FindingFactory.Information(FindingCode.EligibleAdminRoleOnly, message, evidence)
            : FindingFactory.Warning(FindingCode.EligibleAdminRoleOnly, message, evidence, remediation);
    }
}
