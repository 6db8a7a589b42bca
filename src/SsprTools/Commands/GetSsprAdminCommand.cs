using System.Management.Automation;
using SsprTools.Engine.Diagnosis;
using SsprTools.Engine.Errors;
using SsprTools.Infrastructure;

namespace SsprTools.Commands;

/// <summary>
/// <para type="synopsis">Lists every user who holds a role on the administrator reset policy list, directly or through a role-assignable group.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "SsprAdmin")]
[OutputType("SsprTools.Engine.Model.SsprAdmin")]
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
            var run = session.StartDiagnosis(new DiagnosisOptions());
            var admins = RunEngine((log, cancel) => run.GetAdminsAsync(IncludeEligible, RoleName, log, cancel));
            CompleteProgress();
            WriteObject(admins, enumerateCollection: true);
        }
        catch (SsprException e)
        {
            Terminate(e, RoleName);
        }
    }
}
