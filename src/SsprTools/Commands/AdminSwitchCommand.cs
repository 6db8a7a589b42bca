using System.Management.Automation;
using System;
using SsprTools.Engine.Errors;
using SsprTools.Hosting;
using SsprTools.Engine.Policy;

namespace SsprTools.Commands;

/// <summary>
/// Shared body of Enable-SsprForAdmins and Disable-SsprForAdmins: read the switch, write only when
/// it differs and ShouldProcess agrees (-WhatIf sends nothing), then read it back.
/// </summary>
public abstract class AdminSwitchCommand : SsprCmdlet
{
    /// <summary>Skips the confirmation prompt. -WhatIf still wins.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>How long to keep reading the policy back after the write before reporting Verified = $false.</summary>
    [Parameter]
    [ValidateRange(0, 3600)]
    public int VerifyTimeoutSeconds { get; set; } = 15;

    protected abstract bool Wanted { get; }

    protected override void EndProcessing()
    {
        try
        {
            var session = RequireSession();
            var plan = RunEngine((log, cancel) => AdminPolicyService.For(session).PlanAsync(Wanted, log, cancel));
            var tenant = plan.Before.TenantId ?? "the connected tenant";
            var action = $"Set allowedToUseSSPR (SSPR for administrators) from {Word(plan.Before.AllowedToUseSspr)} to {Word(Wanted)}";
            if (plan.NeedsWrite && !Confirmed(tenant, action))
            {
                return;
            }

            var timeout = TimeSpan.FromSeconds(VerifyTimeoutSeconds);
            WriteObject(RunEngine((log, cancel) => AdminPolicyService.For(session).ApplyAsync(plan, timeout, log, cancel)));
        }
        catch (SsprException e)
        {
            Terminate(e, "authorizationPolicy");
        }
    }

    private bool Confirmed(string tenant, string action)
    {
        var target = $"authorizationPolicy of tenant {tenant}";
        if (Force && !WhatIfRequested())
        {
            WriteVerbose($"-Force: {action} on {target} without a prompt.");
            return true;
        }

        return ShouldProcess(target, action);
    }

    private bool WhatIfRequested() =>
        (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var value) && value is SwitchParameter { IsPresent: true })
        || LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));

    private static string Word(bool value) => value ? "true" : "false";
}
