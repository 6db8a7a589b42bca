using System.Linq;
using System.Management.Automation;
using System;
using SsprTools.Completion;
using SsprTools.Engine.Catalogs;
using SsprTools.Engine.Diagnosis;
using SsprTools.Engine.Errors;
using SsprTools.Engine.Rules;
using SsprTools.Hosting;
using SsprTools.Model;

namespace SsprTools.Commands;

/// <summary>
/// <para type="synopsis">Lists every user who holds a role on the administrator reset policy list, directly or through a role-assignable group.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "SsprAdmin")]
[OutputType(typeof(SsprAdmin))]
public sealed class GetSsprAdminCommand : SsprCmdlet
{
    /// <summary>Only admins holding one of these roles (display name as Entra shows it, or as the SSPR policy lists it).</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(RoleNameCompleter))]
    public string[]? RoleName { get; set; }

    /// <summary>Also list PIM-eligible role holders (AssignmentType 'Eligible').</summary>
    [Parameter]
    public SwitchParameter IncludeEligible { get; set; }

    protected override void EndProcessing()
    {
        try
        {
            var session = RequireSession();
            var run = DiagnosisRun.Start(session, new DiagnosisOptions());
            var admins = RunEngine((log, cancel) => run.GetAdminsAsync(IncludeEligible, RoleName, log, cancel));
            CompleteProgress();
            WarnUnknownRoleNames(admins.SelectMany(a => a.Roles).Select(r => r.RoleName));
            WriteObject(admins, enumerateCollection: true);
        }
        catch (SsprException e)
        {
            Terminate(e, RoleName);
        }
    }

    // A warning, not an error: a custom role, or a built-in one nobody holds, gives the same empty answer as a typo,
    // and the module cannot tell them apart without reading every role definition. The warning names the value.
    private void WarnUnknownRoleNames(System.Collections.Generic.IEnumerable<string> heldRoleNames)
    {
        if (RoleName is null)
        {
            return;
        }

        var known = new System.Collections.Generic.HashSet<string>(
            AdminRoleCatalog.Roles.SelectMany(r => new[] { r.ListedName, r.CurrentName ?? r.ListedName })
                .Concat(UnlistedBuiltInRoles.Roles.Select(r => r.Name))
                .Concat(heldRoleNames),
            StringComparer.OrdinalIgnoreCase);
        foreach (var name in RoleName.Where(n => !known.Contains(n.Trim())))
        {
            WriteWarning($"-RoleName '{ErrorRecordFactory.Printable(name)}' is no built-in role and no listed administrator holds it; check the spelling (Tab completes the names).");
        }
    }
}
