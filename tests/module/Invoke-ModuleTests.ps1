<#
.SYNOPSIS
Runs the Pester suites against a built module. Started by build.ps1 in a child pwsh so that only
one build of SsprTools is ever loaded in this process.
#>
param(
    [Parameter(Mandatory)] [string] $PesterPath,
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $SimulatorPath,
    [Parameter(Mandatory)] [string] $ResultsDirectory,
    # Comma-separated tags: only tests with one of them (build.ps1 Reliability); all tests when empty.
    [string] $Tag = ''
)
$ErrorActionPreference = 'Stop'

Import-Module $PesterPath -Force
$env:SSPRTOOLS_MODULE_PATH = $ModulePath
$env:SSPRTOOLS_SIMULATOR_PATH = $SimulatorPath
# Acceptance.Tests.ps1 imports this Pester into the fresh pwsh each acceptance run needs.
$env:SSPRTOOLS_PESTER_PATH = $PesterPath
# Files tests leave for people to look at (the report screenshot) go beside the test results.
$env:SSPRTOOLS_RESULTS_DIR = $ResultsDirectory

$config = New-PesterConfiguration
$config.Run.Path = $PSScriptRoot
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Detailed'
$tags = @($Tag -split ',' | Where-Object { $_ })
if ($tags.Count -gt 0) { $config.Filter.Tag = $tags }
$config.TestResult.Enabled = $true
$config.TestResult.OutputFormat = 'NUnitXml'
$config.TestResult.OutputPath = Join-Path $ResultsDirectory 'pester.xml'
$result = Invoke-Pester -Configuration $config

# A test's tags are its own plus those of every block around it.
function Get-EffectiveTag($Test) {
    $tags = @($Test.Tag)
    for ($block = $Test.Block; $block; $block = $block.Parent) { $tags += @($block.Tag) }
    $tags | Where-Object { $_ }
}
$byTag = @{}
foreach ($name in 'Fault', 'BadInput', 'Secret', 'Write') {
    $tagged = @($result.Tests | Where-Object { (Get-EffectiveTag $_) -contains $name } | Where-Object { $_.Executed })
    $byTag[$name] = @{ Total = $tagged.Count; Passed = @($tagged | Where-Object Passed).Count }
}

# Named again at the end of build.ps1's output, where a CI log that keeps only its tail still shows them.
function Get-FirstLine($ErrorRecords) {
    $message = @($ErrorRecords | ForEach-Object { $_.Exception.Message } | Where-Object { $_ }) | Select-Object -First 1
    if ($message) { ($message -split "`r?`n")[0] } else { '' }
}
$failures = @(
    $result.Failed | ForEach-Object { @{ Name = $_.ExpandedPath; Message = Get-FirstLine $_.ErrorRecord } }
    $result.FailedBlocks | ForEach-Object { @{ Name = $_.Path -join '.'; Message = Get-FirstLine $_.ErrorRecord } }
    $result.FailedContainers | ForEach-Object { @{ Name = "$($_.Item)"; Message = Get-FirstLine $_.ErrorRecord } }
)

$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
[pscustomobject]@{ Passed = $result.PassedCount; Failed = $failed; Skipped = $result.SkippedCount; Tags = $byTag; FailedTests = $failures } |
    ConvertTo-Json -Depth 4 | Set-Content -LiteralPath (Join-Path $ResultsDirectory 'pester-summary.json')
exit ([int]($failed -gt 0))
