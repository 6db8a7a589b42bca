using System;
using System.Linq;
using System.Management.Automation;

namespace SsprTools.Hosting;

/// <summary>
/// Finds the Pester that runs the bundled acceptance checks: the loaded one when it is new enough,
/// otherwise the newest installed. Windows PowerShell ships Pester 3.4, which cannot run them.
/// </summary>
internal static class PesterModule
{
    /// <summary>Container data (New-PesterContainer -Data), BeforeDiscovery and Describe -ForEach came with Pester 5.1.</summary>
    public static readonly Version Minimum = new(5, 1, 0);

    private const string LoadScript = @"
param([version] $Minimum)
$loaded = @(Get-Module Pester | Where-Object Version -GE $Minimum | Sort-Object Version -Descending)
if ($loaded.Count -gt 0) { return $loaded[0] }
Import-Module Pester -MinimumVersion $Minimum -Global -PassThru -ErrorAction Stop -WarningAction SilentlyContinue
";

    /// <summary>The Pester module to call; a terminating PesterNotFound error when none is loaded or installed.</summary>
    public static PSModuleInfo Load(PSCmdlet cmdlet)
    {
        try
        {
            var found = cmdlet.InvokeCommand.InvokeScript(false, ScriptBlock.Create(LoadScript), null, Minimum)
                .Select(o => o?.BaseObject)
                .OfType<PSModuleInfo>()
                .FirstOrDefault();
            if (found is not null)
            {
                return found;
            }
        }
        catch (RuntimeException e) when (e is not PipelineStoppedException)
        {
            cmdlet.ThrowTerminatingError(NotFound(e));
        }

        cmdlet.ThrowTerminatingError(NotFound(null));
        throw new InvalidOperationException("unreachable: ThrowTerminatingError throws");
    }

    private static ErrorRecord NotFound(Exception? inner)
    {
        var message = $"Invoke-SsprAcceptance needs Pester {Minimum} or later, and none is loaded or installed"
            + (inner is null ? "." : $": {inner.Message}");
        var record = new ErrorRecord(new ItemNotFoundException(message, inner), "PesterNotFound", ErrorCategory.ObjectNotFound, "Pester");
        record.ErrorDetails = new ErrorDetails(message)
        {
            RecommendedAction = "Install it with Install-PSResource Pester, or Install-Module Pester -MinimumVersion 5.1 "
                + "(on Windows PowerShell, which ships Pester 3.4, add -Force -SkipPublisherCheck), then run again.",
        };
        return record;
    }
}
