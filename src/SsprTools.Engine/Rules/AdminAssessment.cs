using System.Collections.Generic;
using System.Linq;
using SsprTools.Engine.Catalogs;
using SsprTools.Engine.Facts;
using SsprTools.Engine.Findings;
using SsprTools.Model;

namespace SsprTools.Engine.Rules;

internal enum AdminStatus
{
    /// <summary>Holds an active role on the administrator reset policy list.</summary>
    Admin,
    NotAdmin,

    /// <summary>The role data or Microsoft's pages leave it open: roles unreadable or incomplete, an inferred mapping, a
    /// custom or unknown role, an administrative-unit scope, or a report row marking an admin (AdminStatusQuestions).</summary>
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

        // Certain: a listed role matched without inference, held tenant-wide (an administrative-unit scope is open).
        var activeCertain = activeListed
            .Where(h => AdminRoleCatalog.IsCertainMatch(h, AdminRoleCatalog.Match(h)!) && RoleStanding.IsTenantWide(h))
            .ToList();

        AdminStatus status;
        if (!user.ActiveRoles.IsReadable)
        {
            status = AdminStatus.Undecided;
            findings.Add(FindingFactory.Warning(
                FindingCode.AdminRolesUnreadable,
                "The user's active directory roles could not be read, so it is unknown whether the administrator reset policy applies; the prediction holds only where the administrator and user policies agree.",
                FactText.Unreadable("active role assignments", user.ActiveRoles),
                "Grant RoleManagement.Read.Directory (or Directory.Read.All) and run again"));
        }
        else
        {
            var admin = activeCertain.Count > 0;
            var open = AdminStatusQuestions.Ask(user, active, eligible, activeListed, eligibleListed, admin);
            findings.AddRange(open.Findings);
            status = admin ? AdminStatus.Admin : open.LeaveStatusOpen ? AdminStatus.Undecided : AdminStatus.NotAdmin;
        }

        AddUnlistedRoles(findings, user, active.Concat(eligible).Where(h => RoleStanding.Of(h) == RoleStandingKind.KnownUnlisted));
        if (!user.EligibleRoles.IsReadable)
        {
            findings.Add(FindingFactory.Information(
                FindingCode.EligibleRolesUnreadable,
                "PIM-eligible roles could not be read (PIM needs Entra ID P2 or ID Governance). Eligibility does not change today's verdict, but an eligible administrator becomes subject to the administrator policy while a role is active.",
                FactText.Unreadable("eligible role assignments", user.EligibleRoles)));
        }

        AddReportMismatch(findings, user, status);
        return new AdminAssessment(status, activeListed, eligibleListed, findings);
    }

    private static void AddUnlistedRoles(List<Finding> findings, UserFacts user, IEnumerable<AdminRoleHolding> unlisted)
    {
        var holdings = unlisted.ToList();
        var names = RoleNames(holdings);
        if (names.Length == 0)
        {
            return;
        }

        var sources = holdings.Select(UnlistedBuiltInRoles.Match).Where(r => r is not null).Select(r => $"{r!.Name}: {r.Source}").Distinct();
        findings.Add(FindingFactory.Information(
            FindingCode.RoleNotOnAdminPolicyList,
            $"{string.Join(", ", names)} existed when concept-sspr-policy.md's administrator list was last reviewed (ms.date 05/15/2025) and is not on it, so it does not by itself put the user under that policy.",
            FactText.Join(
                FactText.Describe("active role assignments", user.ActiveRoles, Names),
                FactText.Describe("eligible role assignments", user.EligibleRoles, Names),
                "role existed by: " + FactText.List(sources))));
    }

    /// <summary>userRegistrationDetails.isAdmin: which roles it counts is not documented. An admin the report calls
    /// "not admin" is only noted; the others are handled by <see cref="AdminStatusQuestions"/>.</summary>
    private static void AddReportMismatch(List<Finding> findings, UserFacts user, AdminStatus status)
    {
        // A row without isAdmin (null) claims nothing, so there is nothing to disagree with.
        if (status != AdminStatus.Admin || !user.Registration.TryGetValue(out var registration) || registration.IsAdmin != false)
        {
            return;
        }

        findings.Add(FindingFactory.Information(
            FindingCode.RegistrationReportAdminMismatch,
            "The registration report marks the user isAdmin = false, but an active role on the administrator reset policy list was found; Microsoft does not document which roles isAdmin counts.",
            FactText.Join(
                FactText.Describe("userRegistrationDetails.isAdmin", user.Registration, _ => "false"),
                FactText.Describe("active role assignments", user.ActiveRoles, Names))));
    }

    public static string Names(IReadOnlyList<AdminRoleHolding> holdings) =>
        FactText.List(holdings.Select(h => h.ToString()));
}
