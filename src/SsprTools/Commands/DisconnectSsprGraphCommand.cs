using System.Management.Automation;
using SsprTools.Engine.Connection;
using SsprTools.Hosting;

namespace SsprTools.Commands;

/// <summary>
/// <para type="synopsis">Forgets the SsprTools Graph connection of this PowerShell process.</para>
/// </summary>
[Cmdlet(VerbsCommunications.Disconnect, "SsprGraph")]
public sealed class DisconnectSsprGraphCommand : SsprCmdlet
{
    protected override void EndProcessing()
    {
        if (!CurrentSession.Clear(out var stillInUse))
        {
            WriteVerbose("SsprTools was not connected; nothing to disconnect.");
        }
        else if (stillInUse > 0)
        {
            // Commands in other runspaces that started on this connection finish with it; new ones get NotConnected.
            WriteVerbose($"Disconnected from Microsoft Graph; the connection closes when the {stillInUse} running command(s) using it end.");
        }
        else
        {
            WriteVerbose("Disconnected from Microsoft Graph.");
        }
    }
}
