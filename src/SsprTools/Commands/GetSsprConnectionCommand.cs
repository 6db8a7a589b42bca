using System.Management.Automation;
using SsprTools.Engine.Connection;
using SsprTools.Hosting;
using SsprTools.Model;

namespace SsprTools.Commands;

/// <summary>
/// <para type="synopsis">Shows the current SsprTools Graph connection (tenant, account or app, scopes, Graph root); never a token.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "SsprConnection")]
[OutputType(typeof(SsprConnection))]
public sealed class GetSsprConnectionCommand : SsprCmdlet
{
    protected override void EndProcessing()
    {
        // Replaced or disconnected connections close when the commands still using them end; say so while they do.
        if (CurrentSession.RetiredStillOpen is var open and > 0)
        {
            WriteVerbose($"{open} replaced or disconnected connection(s) still open for the running commands that use them.");
        }

        if (CurrentSession.Peek() is { } session)
        {
            WriteObject(session.Connection);
        }
        else
        {
            WriteVerbose("Not connected. Run Connect-SsprGraph.");
        }
    }
}
