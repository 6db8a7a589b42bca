using System.Collections.Generic;
using System.Linq;
using SsprTools.Engine.Catalogs;
using SsprTools.Engine.Facts;
using SsprTools.Engine.Findings;
using SsprTools.Model;

namespace SsprTools.Engine.Rules;

/// <summary>What keeps "not an administrator" from being concluded although the active roles were read: each question
/// Microsoft's pages or the role data leave open gives a finding. While the user holds a listed role for certain
/// (<paramref name="isAdmin"/> in <see cref="Ask"/>) none of them changes the status, and they are only noted.</summary>
internal static class AdminStatusQuestions
{
    private const string BothPolicies = "the prediction holds only where the administrator and user policies agree.";

    public sealed record Answer(IReadOnlyList<Finding> Findings, bool LeaveStatusOpen);

    public static Answer Ask(
        UserFacts user,
        IReadOnlyList<AdminRoleHolding> active,
        IReadOnlyList<AdminRoleHolding> eligible,
        IReadOnlyList<AdminRoleHolding> activeListed,
        IReadOnlyList<AdminRoleHolding> eligibleListed,
        bool isAdmin)
    {
        var findings = new List<Finding>();
        var open = false;

        void Add(Finding? finding, bool leavesOpen)
        {
            if (finding is not null)
            {
                findings.Add(finding);
                open |= leavesOpen;
            }
        }

        var inferred = activeListed.Where(h => !AdminRoleCatalog.IsCertainMatch(h, AdminRoleCatalog.Match(h)!)).ToList();
        Add(isAdmin ? null : InferredMapping(user, inferred), inferred.Count > 0);

        // "A user's role list is complete only if every source of roles was read."
        Add(Incomplete(user, isAdmin), user.RoleListIncomplete is not null);

        var custom = Holdings(active, eligible, RoleStandingKind.Custom);
        Add(Custom(user, custom, isAdmin), custom.Active.Count > 0);

        var unknown = Holdings(active, eligible, RoleStandingKind.Unknown);
        Add(Unknown(user, unknown, isAdmin), unknown.Active.Count > 0);

        var scoped = activeListed.Where(h => !RoleStanding.IsTenantWide(h) && !inferred.Contains(h)).ToList();
        Add(isAdmin ? null : AdministrativeUnit(user, scoped), scoped.Count > 0);

        var explainedBy = Holdings(active, eligible, RoleStandingKind.KnownUnlisted).Active;
        var report = ReportSaysAdmin(user, activeListed.Count + eligibleListed.Count > 0, explainedBy);
        Add(report, report is { Severity: FindingSeverity.Warning });

        return new Answer(findings, !isAdmin && open);
    }

    private static (List<AdminRoleHolding> Active, List<AdminRoleHolding> Eligible) Holdings(
        IReadOnlyList<AdminRoleHolding> active, IReadOnlyList<AdminRoleHolding> eligible, RoleStandingKind kind) =>
        (active.Where(h => RoleStanding.Of(h) == kind).ToList(), eligible.Where(h => RoleStanding.Of(h) == kind).ToList());

    private static Finding? InferredMapping(UserFacts user, List<AdminRoleHolding> inferred) =>
        inferred.Count == 0
            ? null
            : FindingFactory.Warning(
                FindingCode.AdminRoleMappingInferred,
                $"{string.Join(", ", AdminAssessment.RoleNames(inferred))} is taken to be the role the SSPR page lists as \"Application Proxy Service Administrator\" only by an undocumented template-id mapping; " + BothPolicies,
                FactText.Describe("active role assignments", user.ActiveRoles, AdminAssessment.Names));

    private static Finding? Incomplete(UserFacts user, bool isAdmin)
    {
        if (user.RoleListIncomplete is not { } reason)
        {
            return null;
        }

        var evidence = FactText.Join(FactText.Describe("active role assignments", user.ActiveRoles, AdminAssessment.Names), "not read: " + reason);
        return isAdmin
            ? FindingFactory.Information(
                FindingCode.AdminRoleListIncomplete,
                "Not every source of roles could be read, but a role on the administrator reset policy list is held for certain, so the administrator policy applies either way.",
                evidence)
            : FindingFactory.Warning(
                FindingCode.AdminRoleListIncomplete,
                "Not every source of roles could be read, so the user may hold an administrator role through a group whose members are unknown; " + BothPolicies,
                evidence,
                "Grant GroupMember.Read.All (or Directory.Read.All) so the members of every role-assignable group can be read, and run again");
    }

    private static Finding? Custom(UserFacts user, (List<AdminRoleHolding> Active, List<AdminRoleHolding> Eligible) custom, bool isAdmin)
    {
        var all = custom.Active.Concat(custom.Eligible).ToList();
        if (all.Count == 0)
        {
            return null;
        }

        var message = $"{string.Join(", ", AdminAssessment.RoleNames(all))} is a custom role (isBuiltIn = false). concept-sspr-policy.md lists built-in roles only and does not address custom roles, so whether it puts the user under the administrator reset policy is undocumented";
        var evidence = Evidence(user);
        return custom.Active.Count > 0 && !isAdmin
            ? FindingFactory.Warning(FindingCode.CustomRoleNotAddressed, message + "; " + BothPolicies, evidence)
            : FindingFactory.Information(FindingCode.CustomRoleNotAddressed, message + (isAdmin ? "; a listed role decides it here." : "; it is held only as eligible, which does not change today's verdict."), evidence);
    }

    private static Finding? Unknown(UserFacts user, (List<AdminRoleHolding> Active, List<AdminRoleHolding> Eligible) unknown, bool isAdmin)
    {
        var all = unknown.Active.Concat(unknown.Eligible).ToList();
        if (all.Count == 0)
        {
            return null;
        }

        var ids = FactText.List(all.Select(h => $"{h.RoleName} = {h.RoleTemplateId}").Distinct());
        var message = $"{string.Join(", ", AdminAssessment.RoleNames(all))} is neither on the administrator list of concept-sspr-policy.md (ms.date 05/15/2025) nor a built-in role known to have existed then (permissions-reference.md); a role newer than the list may or may not be covered";
        var evidence = FactText.Join(Evidence(user), "template ids: " + ids);
        return unknown.Active.Count > 0 && !isAdmin
            ? FindingFactory.Warning(FindingCode.BuiltInRoleNewerThanPolicyList, message + "; " + BothPolicies, evidence)
            : FindingFactory.Information(FindingCode.BuiltInRoleNewerThanPolicyList, message + (isAdmin ? "; a listed role decides it here." : "; it is held only as eligible, which does not change today's verdict."), evidence);
    }

    private static Finding? AdministrativeUnit(UserFacts user, List<AdminRoleHolding> scoped) =>
        scoped.Count == 0
            ? null
            : FindingFactory.Warning(
                FindingCode.AdminRoleScopedToAdministrativeUnit,
                $"{string.Join(", ", AdminAssessment.RoleNames(scoped))} is held only for an administrative unit (directoryScopeId is not \"/\"). concept-sspr-policy.md does not say whether a role scoped to an administrative unit puts the user under the administrator reset policy; " + BothPolicies,
                FactText.Describe("active role assignments", user.ActiveRoles, AdminAssessment.Names));

    /// <summary>userRegistrationDetails.isAdmin "indicates whether the user has an admin role"; which roles it counts is not
    /// documented, so a row marking the user admin may count a role the SSPR list check cannot see or does not count. An
    /// active built-in role known to be off the list (Global Reader, …) explains the row when the role list is complete:
    /// then the row is only noted. A null isAdmin claims nothing.</summary>
    private static Finding? ReportSaysAdmin(UserFacts user, bool holdsListedRole, IReadOnlyList<AdminRoleHolding> explainedBy)
    {
        if (holdsListedRole || !user.Registration.TryGetValue(out var registration) || registration.IsAdmin != true)
        {
            return null;
        }

        var evidence = FactText.Join(
            FactText.Describe("userRegistrationDetails.isAdmin", user.Registration, _ => "true"),
            FactText.Describe("active role assignments", user.ActiveRoles, AdminAssessment.Names));
        if (explainedBy.Count > 0 && user.RoleListIncomplete is null)
        {
            return FindingFactory.Information(
                FindingCode.RegistrationReportAdminMismatch,
                $"The registration report marks the user isAdmin = true; every source of roles was read and the only admin roles are {string.Join(", ", AdminAssessment.RoleNames(explainedBy))}, which the administrator reset policy list does not name, so the row is taken to count those.",
                evidence);
        }

        return FindingFactory.Warning(
            FindingCode.RegistrationReportAdminMismatch,
            "The registration report marks the user isAdmin = true, but no role on the administrator reset policy list was found. Microsoft does not document which roles isAdmin counts, so it may count a role that puts the user under the administrator policy; " + BothPolicies,
            evidence);
    }

    private static string Evidence(UserFacts user) =>
        FactText.Join(
            FactText.Describe("active role assignments", user.ActiveRoles, AdminAssessment.Names),
            FactText.Describe("eligible role assignments", user.EligibleRoles, AdminAssessment.Names));
}
