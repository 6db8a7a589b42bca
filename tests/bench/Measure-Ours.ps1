<#
.SYNOPSIS
One measured run of SsprTools in a fresh pwsh, started by Invoke-Benchmark.ps1.

.DESCRIPTION
Modes:
  AllAdmins  Test-SsprAdminReset -AllAdmins -PasswordWriteback Enabled; the result carries every verdict.
  Pipeline   The user ids in -IdsPath (one per line), piped as strings into
             Test-SsprAdminReset -PasswordWriteback Enabled; results are counted as they stream, not kept.
  FirstCall  Connect-SsprGraph + Get-SsprAdminPolicy right after Import-Module.
The stopwatch covers only the measured command; the peak working set covers the whole process.
Graph URL and token come from SSPR_BENCH_GRAPH_URL and SSPR_BENCH_TOKEN.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [ValidateSet('AllAdmins', 'Pipeline', 'FirstCall')] [string] $Mode,
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $ResultPath,
    [string] $IdsPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3
. (Join-Path $PSScriptRoot 'BenchSupport.ps1')

$graph = Get-BenchGraph
Import-Module $ModulePath
$token = ConvertTo-SecureString $graph.Token -AsPlainText -Force
$stopwatch = [Diagnostics.Stopwatch]::new()
$result = @{ mode = $Mode }

switch ($Mode) {
    'FirstCall' {
        $stopwatch.Start()
        Connect-SsprGraph -GraphEndpoint $graph.Url -AccessToken $token | Out-Null
        $policy = Get-SsprAdminPolicy
        $stopwatch.Stop()
        $result.allowedToUseSspr = [bool] $policy.AllowedToUseSspr
    }
    'AllAdmins' {
        Connect-SsprGraph -GraphEndpoint $graph.Url -AccessToken $token | Out-Null
        $stopwatch.Start()
        $predictions = @(Test-SsprAdminReset -AllAdmins -PasswordWriteback Enabled)
        $stopwatch.Stop()
        $result.verdicts = @($predictions | ForEach-Object {
                @{ UserId = [string] $_.UserId; Outcome = [string] $_.Outcome; PredictedError = [string] $_.PredictedError }
            })
        $result.predictions = $predictions.Count
    }
    'Pipeline' {
        $ids = [IO.File]::ReadAllLines($IdsPath)
        Connect-SsprGraph -GraphEndpoint $graph.Url -AccessToken $token | Out-Null
        $tally = @{}
        $count = 0
        $failures = $null
        $stopwatch.Start()
        $ids | Test-SsprAdminReset -PasswordWriteback Enabled -ErrorAction SilentlyContinue -ErrorVariable failures | ForEach-Object {
            $count++
            $class = Get-BenchVerdictClass ([string] $_.Outcome) ([string] $_.PredictedError)
            $tally[$class] = 1 + [int] $tally[$class]
        }
        $stopwatch.Stop()
        $result.inputs = $ids.Count
        $result.predictions = $count
        $result.errors = if ($failures) { $failures.Count } else { 0 }
        $result.tally = $tally
    }
}

$result.wallSeconds = [Math]::Round($stopwatch.Elapsed.TotalSeconds, 3)
Write-BenchResult -Result $result -Path $ResultPath
