using System.Collections.Generic;
using System.Linq;
using SsprTools.Engine.Facts;
using SsprTools.Engine.Model;

namespace SsprTools.Engine.Rules;

internal enum AdminStatus
{
    /// <summary>Holds an active role on the administrator reset policy list.</summary>
    Admin,
    NotAdmin,

    /// <summary>Active roles unreadable, or matched only through an inferred mapping.</summary>
    Undecided,
}

/// <summary>Whether the administrator reset policy applies to the user. concept-sspr-howitworks.md: "If an Azure
/// administrator role is assigned to the user, then the strong two-gate password policy is enforced". An eligible PIM
/// assignment is not an assigned role until activated: "Eligible assignments require the member of the role to perform an
/// action to use the role" (id-governance pim-how-to-add-role-to-user.md), so eligible-only users are judged by the user
/// policy and a finding shows what activation would change.</summary>
internal sealed class AdminAssessment
{
    private AdminAssessment(
        AdminStatus status,
        IReadOnlyList<AdminRoleHolding> activeListed,
        IReadOnlyList<AdminRoleHolding> eligibleListed,
        IReadOnlyList<Finding> findings)
    {
        Status = status;
        ActiveListed = activeListed;
        EligibleListed = eligibleListed;
        Findings = findings;
    }

    public AdminStatus Status { get; }

    public IReadOnlyList<AdminRoleHolding> ActiveListed { get; }

    public IReadOnlyList<AdminRoleHolding> EligibleListed { get; }

    /// <summary>Eligible for a listed role but holding none actively.</summary>
    public bool IsEligibleOnly => Status == AdminStatus.NotAdmin && EligibleListed.Count > 0;

    public IReadOnlyList<Finding> Findings { get; }

    public static string[] RoleNames(IEnumerable<AdminRoleHolding> holdings) =>
        holdings.Select(h => h.RoleName).Distinct().ToArray();

    public static AdminAssessment Assess(UserFacts user)
    {
        var findings = new List<Finding>();
        var active = user.ActiveRoles.TryGetValue(out var a) ? a : new List<AdminRoleHolding>();
        var eligible = user.EligibleRoles.TryGetValue(out var e) ? e : new List<AdminRoleHolding>();
        var activeListed = active.Where(h => AdminRoleCatalog.Match(h) is not null).ToList();
        var eligibleListed = eligible.Where(h => AdminRoleCatalog.Match(h) is not null).ToList();
        var activeCertain = activeListed.Where(h => AdminRoleCatalog.IsCertainMatch(h, AdminRoleCatalog.Match(h)!)).ToList();

        AdminStatus status;
        if (!user.ActiveRoles.IsReadable)
        {
            status = AdminStatus.Undecided;
            findings.Add(NewFinding.Warning(
                FindingCode.AdminRolesUnreadable,
                "The user's active directory roles could not be read, so it is unknown whether the administrator reset policy applies; the prediction holds only where the administrator and user policies agree.",
                FactText.Unreadable("active role assignments", user.ActiveRoles),
                "Grant RoleManagement.Read.Directory (or Directory.Read.All) and run again"));
        }
        else if (activeCertain.Count > 0)
        {
            status = AdminStatus.Admin;
        }
        else if (activeListed.Count > 0)
        {
            status = AdminStatus.Undecided;
            findings.Add(NewFinding.Warning(
                FindingCode.AdminRoleMappingInferred,
                $"{string.Join(", ", RoleNames(activeListed))} is taken to be the role the SSPR page lists as \"Application Proxy Service Administrator\" only by an undocumented template-id mapping; the prediction holds only where the administrator and user policies agree.",
                FactText.Describe("active role assignments", user.ActiveRoles, Names)));
        }
        else
        {
            status = AdminStatus.NotAdmin;
        }

        AddUnlistedRoles(findings, user, active.Concat(eligible).Where(h => AdminRoleCatalog.Match(h) is null));
        if (!user.EligibleRoles.IsReadable)
        {
            findings.Add(NewFinding.Information(
                FindingCode.EligibleRolesUnreadable,
                "PIM-eligible roles could not be read (PIM needs Entra ID P2 or ID Governance). Eligibility does not change today's verdict, but an eligible administrator becomes subject to the administrator policy while a role is active.",
                FactText.Unreadable("eligible role assignments", user.EligibleRoles)));
        }

        AddReportMismatch(findings, user, status, eligibleListed.Count > 0);
        return new AdminAssessment(status, activeListed, eligibleListed, findings);
    }

    private static void AddUnlistedRoles(List<Finding> findings, UserFacts user, IEnumerable<AdminRoleHolding> unlisted)
    {
        var names = RoleNames(unlisted);
        if (names.Length == 0)
        {
            return;
        }

        findings.Add(NewFinding.Information(
            FindingCode.RoleNotOnAdminPolicyList,
            $"{string.Join(", ", names)} is not among the roles concept-sspr-policy.md lists for the administrator reset policy (custom roles are not addressed), so it does not by itself put the user under that policy.",
            FactText.Join(
                FactText.Describe("active role assignments", user.ActiveRoles, Names),
                FactText.Describe("eligible role assignments", user.EligibleRoles, Names))));
    }

    /// <summary>userRegistrationDetails.isAdmin: which roles it counts is not documented, so a disagreement is only noted.</summary>
    private static void AddReportMismatch(List<Finding> findings, UserFacts user, AdminStatus status, bool eligible)
    {
        // A row without isAdmin (null) claims nothing, so there is nothing to disagree with.
        if (!user.Registration.TryGetValue(out var registration) || registration.IsAdmin is not bool reportAdmin || status == AdminStatus.Undecided)
        {
            return;
        }

        var isAdmin = status == AdminStatus.Admin;
        if (reportAdmin == isAdmin || (reportAdmin && eligible))
        {
            return;
        }

        findings.Add(NewFinding.Information(
            FindingCode.RegistrationReportAdminMismatch,
            $"The registration report marks the user isAdmin = {(reportAdmin ? "true" : "false")}, but {(isAdmin ? "an" : "no")} active role on the administrator reset policy list was found; Microsoft does not document which roles isAdmin counts.",
            FactText.Join(
                FactText.Describe("userRegistrationDetails.isAdmin", user.Registration, _ => reportAdmin ? "true" : "false"),
                FactText.Describe("active role assignments", user.ActiveRoles, Names))));
    }

    public static string Names(IReadOnlyList<AdminRoleHolding> holdings) =>
        FactText.List(holdings.Select(h => h.ToString()));
}
