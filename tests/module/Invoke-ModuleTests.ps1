<#
.SYNOPSIS
Runs the Pester suites against a built module. Started by build.ps1 in a child pwsh so that only
one build of SsprTools is ever loaded in this process.
#>
param(
    [Parameter(Mandatory)] [string] $PesterPath,
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $SimulatorPath,
    [Parameter(Mandatory)] [string] $ResultsDirectory
)
$ErrorActionPreference = 'Stop'

Import-Module $PesterPath -Force
$env:SSPRTOOLS_MODULE_PATH = $ModulePath
$env:SSPRTOOLS_SIMULATOR_PATH = $SimulatorPath

$config = New-PesterConfiguration
$config.Run.Path = $PSScriptRoot
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Detailed'
$config.TestResult.Enabled = $true
$config.TestResult.OutputFormat = 'NUnitXml'
$config.TestResult.OutputPath = Join-Path $ResultsDirectory 'pester.xml'
$result = Invoke-Pester -Configuration $config

$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
[pscustomobject]@{ Passed = $result.PassedCount; Failed = $failed; Skipped = $result.SkippedCount } |
    ConvertTo-Json | Set-Content -LiteralPath (Join-Path $ResultsDirectory 'pester-summary.json')
exit ([int]($failed -gt 0))
