using System.Management.Automation;
using SsprTools.Engine.Connection;
using SsprTools.Infrastructure;

namespace SsprTools.Commands;

/// <summary>
/// <para type="synopsis">Forgets the SsprTools Graph connection of this PowerShell process.</para>
/// </summary>
[Cmdlet(VerbsCommunications.Disconnect, "SsprGraph")]
public sealed class DisconnectSsprGraphCommand : SsprCmdlet
{
    protected override void EndProcessing()
    {
        if (!CurrentSession.Clear())
        {
            WriteVerbose("SsprTools was not connected; nothing to disconnect.");
        }
        else
        {
            WriteVerbose("Disconnected from Microsoft Graph.");
        }
    }
}
