<#
.SYNOPSIS
The SsprTools bench: requests, wall time and peak memory against a simulated 10,000-user tenant.

.DESCRIPTION
Called by 'build.ps1 Bench' after the build. Starts the Graph simulator (large scenario, 10,000 users,
500 admins, 20 ms per request), runs every measurement in a fresh pwsh (Measure-Ours.ps1,
Invoke-NaiveBaseline.ps1, Measure-Floor.ps1), prints one table, the ratios and the targets, and writes the
same text to <ResultsDirectory>/figures.txt. Exits normally when a target fails (it reports); throws
when a measurement itself fails. See tests/bench/README.md.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $SimulatorPath,
    [Parameter(Mandatory)] [string] $SimulatorLauncher,
    [Parameter(Mandatory)] [string] $ResultsDirectory,
    [int] $Users = 10000,
    [int] $Admins = 500,
    [int] $LatencyMs = 20,
    [int] $ImportRuns = 5
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3
. (Join-Path $PSScriptRoot 'BenchSupport.ps1')

$PwshHost = (Get-Process -Id $PID).Path
$PwshDll = Join-Path $PSHOME 'pwsh.dll'
$WorkDir = Join-Path ([IO.Path]::GetTempPath()) ("sspr-bench-{0}" -f [guid]::NewGuid().ToString('n'))

function Write-BenchStep([string] $Message) {
    Write-Host "==> $Message" -ForegroundColor Cyan
}

function Invoke-BenchChild {
    # Runs one tests/bench script in a fresh pwsh and returns the result it wrote.
    param([Parameter(Mandatory)] [string] $Script, [hashtable] $Parameters = @{})
    $resultPath = Join-Path $WorkDir ("{0}.json" -f [guid]::NewGuid().ToString('n'))
    $arguments = @($PwshDll, '-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot $Script), '-ResultPath', $resultPath)
    foreach ($name in $Parameters.Keys) { $arguments += "-$name", $Parameters[$name] }
    $output = & $PwshHost @arguments 2>&1
    if ($LASTEXITCODE -ne 0 -or -not (Test-Path -LiteralPath $resultPath)) {
        throw "$Script failed (exit code $LASTEXITCODE): $($output -join [Environment]::NewLine)"
    }
    Get-Content -Raw -LiteralPath $resultPath | ConvertFrom-Json
}

function Measure-BenchRun {
    # Clears the journal, runs one child, and adds the journal's request count (batch steps included).
    param([Parameter(Mandatory)] $Simulator, [Parameter(Mandatory)] [string] $Script, [hashtable] $Parameters = @{})
    Clear-SsprSimulatorJournal -Simulator $Simulator
    $result = Invoke-BenchChild -Script $Script -Parameters $Parameters
    $journal = Get-SsprSimulatorJournal -Simulator $Simulator
    $result | Add-Member -NotePropertyName requests -NotePropertyValue ([int] $journal.count)
    $result | Add-Member -NotePropertyName throttled -NotePropertyValue @($journal.entries | Where-Object status -EQ 429).Count
    $result
}

function Measure-ProcessMilliseconds([string[]] $Arguments) {
    $stopwatch = [Diagnostics.Stopwatch]::StartNew()
    $output = & $PwshHost @Arguments 2>&1
    $stopwatch.Stop()
    if ($LASTEXITCODE -ne 0) { throw "pwsh $($Arguments -join ' ') failed (exit code $LASTEXITCODE): $($output -join [Environment]::NewLine)" }
    $stopwatch.Elapsed.TotalMilliseconds
}

function Get-Median([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    $middle = [int] [Math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

function Measure-ImportOverhead {
    # Whole-process wall time of 'Import-Module <psd1>' minus that of 'exit', medians, runs interleaved.
    $quoted = $ModulePath.Replace("'", "''")
    $bare = @($PwshDll, '-NoProfile', '-NonInteractive', '-Command', 'exit')
    $import = @($PwshDll, '-NoProfile', '-NonInteractive', '-Command', "Import-Module -Name '$quoted'")
    for ($i = 0; $i -lt 2; $i++) {
        # Warm-up, not counted: file cache and tiered JIT caches for both commands.
        Measure-ProcessMilliseconds $bare | Out-Null
        Measure-ProcessMilliseconds $import | Out-Null
    }
    $bareMs = [Collections.Generic.List[double]]::new()
    $importMs = [Collections.Generic.List[double]]::new()
    for ($i = 0; $i -lt $ImportRuns; $i++) {
        $bareMs.Add((Measure-ProcessMilliseconds $bare))
        $importMs.Add((Measure-ProcessMilliseconds $import))
    }
    $bareMedian = Get-Median $bareMs
    $importMedian = Get-Median $importMs
    [pscustomobject]@{ BareMs = $bareMedian; ImportMs = $importMedian; OverheadMs = $importMedian - $bareMedian }
}

function Get-AllUserIds($Graph) {
    $read = Get-BenchPages -Graph $Graph -Uri "$($Graph.Url)/v1.0/users?`$select=id&`$top=999"
    @($read.Items | ForEach-Object { [string] $_.id })
}

function Get-VerdictMap($Verdicts) {
    $map = @{}
    foreach ($v in @($Verdicts)) { $map[[string] $v.UserId] = $v }
    $map
}

function Compare-Verdicts($Left, $Right, [scriptblock] $Key) {
    # Returns matched/total over the union of user ids.
    $leftMap = Get-VerdictMap $Left
    $rightMap = Get-VerdictMap $Right
    $ids = @($leftMap.Keys) + @($rightMap.Keys) | Sort-Object -Unique
    $same = @($ids | Where-Object { $leftMap.ContainsKey($_) -and $rightMap.ContainsKey($_) -and (& $Key $leftMap[$_]) -eq (& $Key $rightMap[$_]) }).Count
    [pscustomobject]@{ Same = $same; Total = @($ids).Count }
}

function Get-Ratio([double] $Numerator, [double] $Denominator) {
    if ($Denominator -le 0) { return [double]::NaN }
    $Numerator / $Denominator
}

function Format-Target([string] $Text, [bool] $Pass) {
    "  {0}  {1}" -f $(if ($Pass) { 'PASS' } else { 'FAIL' }), $Text
}

$total = [Diagnostics.Stopwatch]::StartNew()
Import-Module $SimulatorLauncher -Force

Write-BenchStep "Starting the Graph simulator: $Users users, $Admins admins, $LatencyMs ms per request"
$simulator = Start-SsprSimulator -SimulatorPath $SimulatorPath -Scenario large `
    -ExtraArguments '--users', "$Users", '--admins', "$Admins", '--latency-ms', "$LatencyMs"
$savedEnvironment = @{ SSPR_BENCH_GRAPH_URL = $env:SSPR_BENCH_GRAPH_URL; SSPR_BENCH_TOKEN = $env:SSPR_BENCH_TOKEN }
try {
    New-Item -ItemType Directory -Force -Path $WorkDir, $ResultsDirectory | Out-Null
    $env:SSPR_BENCH_GRAPH_URL = $simulator.BaseUrl
    $env:SSPR_BENCH_TOKEN = $simulator.Token
    $graph = Get-BenchGraph
    $faultsAtStart = Invoke-RestMethod -Uri "$($simulator.BaseUrl)/_simulator/faults" -Method Get

    # Reading the id list first also warms the simulator, so no measured run pays for its start-up.
    $idsPath = Join-Path $WorkDir 'user-ids.txt'
    $userIds = Get-AllUserIds $graph
    [IO.File]::WriteAllLines($idsPath, [string[]] $userIds)

    Write-BenchStep 'First call: Connect-SsprGraph + Get-SsprAdminPolicy in a fresh pwsh'
    $firstCall = Measure-BenchRun -Simulator $simulator -Script 'Measure-Ours.ps1' -Parameters @{ Mode = 'FirstCall'; ModulePath = $ModulePath }

    Write-BenchStep 'Ours: Test-SsprAdminReset -AllAdmins -PasswordWriteback Enabled'
    $ours = Measure-BenchRun -Simulator $simulator -Script 'Measure-Ours.ps1' -Parameters @{ Mode = 'AllAdmins'; ModulePath = $ModulePath }

    Write-BenchStep "Ours: $Users user ids piped into Test-SsprAdminReset -PasswordWriteback Enabled"
    $pipeline = Measure-BenchRun -Simulator $simulator -Script 'Measure-Ours.ps1' -Parameters @{ Mode = 'Pipeline'; ModulePath = $ModulePath; IdsPath = $idsPath }
    if ($pipeline.predictions -ne $userIds.Count) {
        Write-Warning "The pipeline predicted $($pipeline.predictions) of $($userIds.Count) users ($($pipeline.errors) error(s))."
    }

    Write-BenchStep 'Naive baseline: one admin at a time with Invoke-RestMethod, from the Graph docs'
    $naive = Measure-BenchRun -Simulator $simulator -Script 'Invoke-NaiveBaseline.ps1'

    Write-BenchStep 'Floor: pages the tenant-wide reads need at the largest page size'
    $floor = Invoke-BenchChild -Script 'Measure-Floor.ps1'

    Write-BenchStep 'Throttled: -AllAdmins again with 30% of requests answered 429 (Retry-After 1 s)'
    Set-SsprSimulatorFault -Simulator $simulator -Settings @{
        latencyMs = [int] $faultsAtStart.latencyMs; throttleRate = 0.3; retryAfterSeconds = 1; seed = 7
    }
    try {
        $throttled = Measure-BenchRun -Simulator $simulator -Script 'Measure-Ours.ps1' -Parameters @{ Mode = 'AllAdmins'; ModulePath = $ModulePath }
    }
    finally {
        $reset = @{}
        foreach ($property in $faultsAtStart.PSObject.Properties) { $reset[$property.Name] = $property.Value }
        Set-SsprSimulatorFault -Simulator $simulator -Settings $reset
    }
}
finally {
    foreach ($name in $savedEnvironment.Keys) { [Environment]::SetEnvironmentVariable($name, $savedEnvironment[$name]) }
    Stop-SsprSimulator -Simulator $simulator
    Remove-Item -Recurse -Force -LiteralPath $WorkDir -ErrorAction SilentlyContinue
}

# Last, with the simulator gone, so nothing else of ours competes for the processors.
Write-BenchStep "Measuring Import-Module: median of $ImportRuns fresh pwsh runs, minus a bare pwsh"
$importCost = Measure-ImportOverhead

$verdictClass = { param($v) Get-BenchVerdictClass ([string] $v.Outcome) ([string] $v.PredictedError) }
$fullVerdict = { param($v) '{0}|{1}' -f $v.Outcome, $v.PredictedError }
$agree = Compare-Verdicts $ours.verdicts $naive.verdicts $verdictClass
$identical = Compare-Verdicts $ours.verdicts $throttled.verdicts $fullVerdict

$requestRatio = Get-Ratio $naive.requests $ours.requests
$speedRatio = Get-Ratio $naive.wallSeconds $ours.wallSeconds
$allAdminsFloorRatio = Get-Ratio $ours.requests $floor.allAdmins
$pipelineFloorRatio = Get-Ratio $pipeline.requests $floor.pipeline

$row = '{0,-44} {1,9} {2,10} {3,8}'
$lines = [Collections.Generic.List[string]]::new()
$lines.Add(("SsprTools bench, {0:yyyy-MM-dd}: simulated tenant of {1:N0} users, {2:N0} admins, {3} ms per request; {4} cores, {5} {6}" -f
        (Get-Date), $Users, $Admins, $LatencyMs, [Environment]::ProcessorCount, [Runtime.InteropServices.RuntimeInformation]::OSDescription.Trim(),
        [Runtime.InteropServices.RuntimeInformation]::OSArchitecture))
$lines.Add('')
$lines.Add(($row -f 'measure', 'requests', 'wall', 'peak MB'))
$lines.Add(($row -f ('ours -AllAdmins ({0} admins)' -f $ours.predictions), $ours.requests, ('{0:N2} s' -f $ours.wallSeconds), ('{0:N0}' -f $ours.peakWorkingSetMB)))
$lines.Add(($row -f ('ours {0:N0}-user pipeline' -f $pipeline.predictions), $pipeline.requests, ('{0:N2} s' -f $pipeline.wallSeconds), ('{0:N0}' -f $pipeline.peakWorkingSetMB)))
$lines.Add(($row -f ('naive -AllAdmins equivalent ({0})' -f $naive.predictions), $naive.requests, ('{0:N2} s' -f $naive.wallSeconds), ('{0:N0}' -f $naive.peakWorkingSetMB)))
$lines.Add(($row -f 'floor -AllAdmins', $floor.allAdmins, '-', '-'))
$lines.Add(($row -f ('floor {0:N0}-user pipeline' -f $Users), $floor.pipeline, '-', '-'))
$lines.Add(($row -f 'import overhead (Import-Module)', '-', ('{0:N0} ms' -f $importCost.OverheadMs), '-'))
$lines.Add(($row -f 'first call (connect + policy)', $firstCall.requests, ('{0:N0} ms' -f ($firstCall.wallSeconds * 1000)), ('{0:N0}' -f $firstCall.peakWorkingSetMB)))
$lines.Add(($row -f ('ours -AllAdmins, 30% throttled ({0}x 429)' -f $throttled.throttled), $throttled.requests, ('{0:N2} s' -f $throttled.wallSeconds), ('{0:N0}' -f $throttled.peakWorkingSetMB)))
$lines.Add('')
$lines.Add(('import: median {0:N0} ms with Import-Module, {1:N0} ms bare pwsh ({2} runs each)' -f $importCost.ImportMs, $importCost.BareMs, $ImportRuns))
$lines.Add(('floor pages: {0}' -f (($floor.pages.PSObject.Properties | ForEach-Object { "$($_.Name) $($_.Value)" }) -join '; ')))
$lines.Add('')
$lines.Add(('naive/ours -AllAdmins: {0:N1}x requests, {1:N1}x wall time' -f $requestRatio, $speedRatio))
$lines.Add(('ours/floor requests: -AllAdmins {0:N2}x, {1:N0}-user pipeline {2:N2}x' -f $allAdminsFloorRatio, $Users, $pipelineFloorRatio))
$lines.Add(('verdicts agree: {0}/{1} (ours vs naive, per admin: Succeeds or the predicted SSPR error)' -f $agree.Same, $agree.Total))
$lines.Add(('throttled run: {0}/{1} verdicts identical' -f $identical.Same, $identical.Total))
$lines.Add('')
$lines.Add('targets:')
$lines.Add((Format-Target ('-AllAdmins >= 10x fewer requests than naive ({0:N1}x)' -f $requestRatio) ($requestRatio -ge 10)))
$lines.Add((Format-Target ('-AllAdmins >= 5x faster than naive ({0:N1}x)' -f $speedRatio) ($speedRatio -ge 5)))
$lines.Add((Format-Target ('-AllAdmins <= 1.5x floor requests ({0:N2}x)' -f $allAdminsFloorRatio) ($allAdminsFloorRatio -le 1.5)))
$lines.Add((Format-Target ('-AllAdmins < 15 s wall ({0:N2} s)' -f $ours.wallSeconds) ($ours.wallSeconds -lt 15)))
$lines.Add((Format-Target ('10k pipeline < 30 s wall ({0:N2} s)' -f $pipeline.wallSeconds) ($pipeline.wallSeconds -lt 30)))
$lines.Add((Format-Target ('10k pipeline peak memory < 400 MB ({0:N0} MB)' -f $pipeline.peakWorkingSetMB) ($pipeline.peakWorkingSetMB -lt 400)))
$lines.Add((Format-Target ('import overhead < 300 ms ({0:N0} ms)' -f $importCost.OverheadMs) ($importCost.OverheadMs -lt 300)))
$lines.Add((Format-Target ('throttled verdicts all identical ({0}/{1})' -f $identical.Same, $identical.Total) ($identical.Total -gt 0 -and $identical.Same -eq $identical.Total)))
$lines.Add((Format-Target ('naive and ours agree on every admin ({0}/{1})' -f $agree.Same, $agree.Total) ($agree.Total -gt 0 -and $agree.Same -eq $agree.Total)))
$lines.Add('')
$lines.Add(('bench took {0:N0} s' -f $total.Elapsed.TotalSeconds))

Write-Host ''
foreach ($line in $lines) { Write-Host $line }
$figures = Join-Path $ResultsDirectory 'figures.txt'
Set-Content -LiteralPath $figures -Value $lines -Encoding utf8
Write-Host "Figures written to $figures"
