using System.Management.Automation;
using SsprTools.Engine.Connection;
using SsprTools.Infrastructure;

namespace SsprTools.Commands;

/// <summary>
/// <para type="synopsis">Shows the current SsprTools Graph connection (tenant, account or app, scopes, Graph root); never a token.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "SsprConnection")]
[OutputType("SsprTools.Engine.Model.SsprConnection")]
public sealed class GetSsprConnectionCommand : SsprCmdlet
{
    protected override void EndProcessing()
    {
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
