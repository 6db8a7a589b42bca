<#
.SYNOPSIS
Runs the bundled checks (SsprTools.Acceptance.Tests.ps1) with Pester for Invoke-SsprAcceptance and returns Pester's run.

.DESCRIPTION
Invoke-SsprAcceptance loads this file and invokes it with its parameters already checked; it is not meant to be
run on its own. Pester's commands are called through the module object, so an older Pester loaded beside it
(Windows PowerShell's 3.4) cannot answer instead. Failed checks never throw: the caller reads FailedCount.
The name does not end in .Tests.ps1, so Invoke-Pester on this folder does not take it for checks.
#>
param($Pester, [string] $Checks, [hashtable] $Data, [string[]] $Tag, [string[]] $ExcludeTag, [string] $Verbosity,
    [string] $OutputFormat, [string] $OutputPath)
$configuration = & $Pester.ExportedCommands['New-PesterConfiguration']
$configuration.Run.Container = & $Pester.ExportedCommands['New-PesterContainer'] -Path $Checks -Data $Data
$configuration.Run.PassThru = $true
$configuration.Run.Throw = $false
$configuration.Run.Exit = $false
$configuration.Output.Verbosity = $Verbosity
if ($Tag) { $configuration.Filter.Tag = $Tag }
if ($ExcludeTag) { $configuration.Filter.ExcludeTag = $ExcludeTag }
if ($OutputPath) {
    $configuration.TestResult.Enabled = $true
    $configuration.TestResult.OutputFormat = $OutputFormat
    $configuration.TestResult.OutputPath = $OutputPath
    $configuration.TestResult.TestSuiteName = 'SsprTools.Acceptance'
}
& $Pester.ExportedCommands['Invoke-Pester'] -Configuration $configuration
