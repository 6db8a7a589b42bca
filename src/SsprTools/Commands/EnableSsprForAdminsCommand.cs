using System.Management.Automation;
using SsprTools.Model;

namespace SsprTools.Commands;

/// <summary>
/// <para type="synopsis">Turns on self-service password reset for administrators (allowedToUseSSPR = true), the fix for SSPR_0009.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Enable, "SsprForAdmins", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(PolicyChange))]
public sealed class EnableSsprForAdminsCommand : AdminSwitchCommand
{
    protected override bool Wanted => true;
}
