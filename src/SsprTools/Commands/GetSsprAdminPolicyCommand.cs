using System.Management.Automation;
using SsprTools.Engine.Errors;
using SsprTools.Hosting;
using SsprTools.Model;
using SsprTools.Engine.Policy;

namespace SsprTools.Commands;

/// <summary>
/// <para type="synopsis">Reads the tenant's "SSPR for administrators" switch (authorizationPolicy.allowedToUseSSPR).</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "SsprAdminPolicy")]
[OutputType(typeof(AdminPolicy))]
public sealed class GetSsprAdminPolicyCommand : SsprCmdlet
{
    protected override void EndProcessing()
    {
        try
        {
            var session = RequireSession();
            WriteObject(RunEngine((log, cancel) => AdminPolicyService.For(session).GetAsync(log, cancel)));
        }
        catch (SsprException e)
        {
            Terminate(e, "authorizationPolicy");
        }
    }
}
