using System.Management.Automation;
using SsprTools.Model;

namespace SsprTools.Commands;

/// <summary>
/// <para type="synopsis">Turns off self-service password reset for administrators (allowedToUseSSPR = false).</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Disable, "SsprForAdmins", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(PolicyChange))]
public sealed class DisableSsprForAdminsCommand : AdminSwitchCommand
{
    protected override bool Wanted => false;
}
