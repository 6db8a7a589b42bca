#!/usr/bin/env pwsh
<#
.SYNOPSIS
Builds, tests and demonstrates SsprTools.

.DESCRIPTION
Tasks:
  Build     Compile everything and assemble the importable module at out/SsprTools/SsprTools.psd1
            (cmdlets at the root, the engine and its dependencies in Dependencies/).
  Test      Build, then run every xunit project and the Pester suites (in a child pwsh); ends with
            one line 'N passed, N failed, N skipped' and a non-zero exit code on any failure. The
            report's browser tests need Debian's chromium package (.ci/run installs it).
  Demo      Build, then tests/demo/Invoke-Demo.ps1: the SSPR_0009 story against the simulated
            'activity' tenant, ending with the HTML report at out/demo/sspr-report.html.
  Reliability  Build, run the fault, bad-input, secret and write suites and print their figures.
  Simulate  Build and run the Graph simulator in the foreground (-Scenario); Ctrl+C stops it.
  Bench     Build, then measure requests, wall time and peak memory against a simulated 10,000-user
            tenant (tests/bench): ours, a naive docs-only script, the floor, import and first call.
  Package   Build, then pack out/SsprTools into out/packages/SsprTools.<ModuleVersion>.nupkg
            (Publish-PSResource to a temporary local repository; nothing leaves the machine).
  Clean     Remove out/ and every bin/ and obj/.

Tasks build once per invocation: 'Build,Test' compiles once.

.EXAMPLE
dotnet tool restore && dotnet pwsh ./build.ps1 Demo

.EXAMPLE
dotnet tool restore && dotnet pwsh ./build.ps1 Test
#>
[CmdletBinding()]
param(
    # One or more tasks; 'Build,Test' also works from a shell that passes it as one string (pwsh -File).
    [Parameter(Position = 0)]
    [ValidateScript({ foreach ($n in $_ -split ',') { if ($n.Trim() -notin 'Build', 'Test', 'Demo', 'Simulate', 'Reliability', 'Bench', 'Package', 'Clean') { throw "Unknown task '$($n.Trim())'. Tasks: Build, Test, Demo, Simulate, Reliability, Bench, Package, Clean." } }; $true })]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Scenario for Simulate: a shipped name (seed, healthy, unregistered, nopremium, large, activity) or a JSON path.
    [string] $Scenario = 'seed'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3

$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleOut = Join-Path $Out 'SsprTools'
$SimulatorOut = Join-Path $Out 'GraphSimulator'
$SimulatorDll = Join-Path $SimulatorOut 'SsprTools.GraphSimulator.dll'
$ResultsDir = Join-Path $Out 'test-results'
$SimulatorLauncher = Join-Path $Root 'src/SsprTools.GraphSimulator/tools/SsprSimulator.psm1'
# What out/SsprTools/Dependencies must hold, one file name per line; the build fails on any difference.
$ExpectedDependencies = Join-Path $Root 'src/SsprTools.Engine/Dependencies.txt'
$script:Built = $false

function Write-Step([string] $Message) {
    Write-Host "==> $Message" -ForegroundColor Cyan
}

function Invoke-Native {
    # Runs a native command and fails loudly on a non-zero exit code.
    param([Parameter(Mandatory)] [string] $FilePath, [string[]] $Arguments = @())
    & $FilePath @Arguments | Out-Host
    if ($LASTEXITCODE -ne 0) {
        throw "'$FilePath $($Arguments -join ' ')' failed with exit code $LASTEXITCODE."
    }
}

function Get-NuGetPackageRoot {
    if ($env:NUGET_PACKAGES) { return $env:NUGET_PACKAGES }
    $line = & dotnet nuget locals global-packages --list | Select-Object -First 1
    return ($line -replace '^global-packages:\s*', '').Trim()
}

function Get-PackageProperty([string] $Name) {
    # Test-asset versions (Pester, the isolation test's copies) live in Directory.Packages.props with every other version.
    (Select-Xml -LiteralPath (Join-Path $Root 'Directory.Packages.props') -XPath "/Project/PropertyGroup/$Name").Node.InnerText
}

function Get-ModuleVersion {
    # One place for the version: <Version> in Directory.Build.props, for the assemblies and the manifest alike.
    $version = (Select-Xml -LiteralPath (Join-Path $Root 'Directory.Build.props') -XPath '/Project/PropertyGroup/Version').Node.InnerText
    if ($version -notmatch '^(\d+\.\d+\.\d+)(?:-([0-9A-Za-z]+))?$') { throw "Directory.Build.props: Version '$version' is not major.minor.patch[-prerelease]." }
    [pscustomobject]@{ Version = $Matches[1]; Prerelease = $Matches[2] }
}

function Set-ManifestVersion([string] $Manifest) {
    $version = Get-ModuleVersion
    $text = Get-Content -Raw -LiteralPath $Manifest
    $text = $text -replace "ModuleVersion\s*=\s*'[^']*'", "ModuleVersion        = '$($version.Version)'"
    $text = $text -replace "(?m)^(\s*)#?\s*Prerelease\s*=\s*'[^']*'", "`$1$(if ($version.Prerelease) { '' } else { '# ' })Prerelease = '$($version.Prerelease)'"
    Set-Content -LiteralPath $Manifest -Value $text -NoNewline
}

function Assert-Dependencies {
    # Dependencies/ is what EngineLoadContext serves: an assembly too many or too few is a change to review, not to ship unseen.
    $expected = @(Get-Content -LiteralPath $ExpectedDependencies | ForEach-Object { $_.Trim() } | Where-Object { $_ -and -not $_.StartsWith('#') })
    $actual = @(Get-ChildItem -File (Join-Path $ModuleOut 'Dependencies') | ForEach-Object Name)
    $missing = @($expected | Where-Object { $_ -notin $actual })
    $unexpected = @($actual | Where-Object { $_ -notin $expected })
    if ($missing -or $unexpected) {
        throw ("out/SsprTools/Dependencies differs from src/SsprTools.Engine/Dependencies.txt.`n  missing: {0}`n  unexpected: {1}`n" +
            "If a package change intends it, update the list (a comment at its top says how).") -f ($missing -join ', '), ($unexpected -join ', ')
    }
}

function Invoke-Build {
    if ($script:Built) { return }
    Write-Step 'Restoring test assets (Pester and other Graph/Azure assembly versions for the isolation test)'
    Invoke-Native dotnet @('restore', (Join-Path $Root 'tests/TestAssets/TestAssets.csproj'), '--nologo', '-v', 'q')

    Write-Step "Building SsprTools.sln ($Configuration)"
    Invoke-Native dotnet @('build', (Join-Path $Root 'SsprTools.sln'), '-c', $Configuration, '--nologo', '-v', 'q', '-clp:ErrorsOnly')

    Write-Step 'Assembling the module at out/SsprTools'
    if (Test-Path $ModuleOut) { Remove-Item -Recurse -Force $ModuleOut }
    New-Item -ItemType Directory -Force -Path $ModuleOut | Out-Null
    # The engine and everything it needs go to Dependencies/, loaded through EngineLoadContext.
    Invoke-Native dotnet @('publish', (Join-Path $Root 'src/SsprTools.Engine/SsprTools.Engine.csproj'),
        '-c', $Configuration, '--no-build', '--nologo', '-v', 'q', '-o', (Join-Path $ModuleOut 'Dependencies'))
    # The output types live once, beside the cmdlets in the default load context: a copy in Dependencies/ would give
    # the engine types of another identity than [SsprTools.Model.ResetPrediction].
    Remove-Item (Join-Path $ModuleOut 'Dependencies/SsprTools.Model.*')
    $cmdletBin = Join-Path $Root "src/SsprTools/bin/$Configuration/netstandard2.0"
    Copy-Item (Join-Path $cmdletBin 'SsprTools.dll'), (Join-Path $cmdletBin 'SsprTools.pdb'),
        (Join-Path $cmdletBin 'SsprTools.Model.dll'), (Join-Path $cmdletBin 'SsprTools.Model.pdb') $ModuleOut
    Copy-Item (Join-Path $Root 'module/*') $ModuleOut -Recurse
    Copy-Item (Join-Path $Root 'LICENSE') $ModuleOut
    Set-ManifestVersion (Join-Path $ModuleOut 'SsprTools.psd1')
    Assert-Dependencies

    Write-Step 'Publishing the Graph simulator at out/GraphSimulator'
    Invoke-Native dotnet @('publish', (Join-Path $Root 'src/SsprTools.GraphSimulator/SsprTools.GraphSimulator.csproj'),
        '-c', $Configuration, '--no-build', '--nologo', '-v', 'q', '-o', $SimulatorOut)

    $files = @(Get-ChildItem -Recurse -File $ModuleOut)
    if ($files.Count -eq 0) { throw "The module at $ModuleOut is empty: did another build remove it meanwhile?" }
    $size = ($files | Measure-Object Length -Sum).Sum / 1MB
    Write-Host ("Module: {0} ({1:N1} MB, {2} assemblies)" -f (Join-Path $ModuleOut 'SsprTools.psd1'), $size,
        @(Get-ChildItem -Recurse -File -Filter *.dll $ModuleOut).Count)

    Invoke-HelpBuild
    $script:Built = $true
}

function Invoke-HelpBuild {
    # docs/cmdlets/*.md -> the MAML file Get-Help reads offline (format: docs/cmdlets/README.md).
    Write-Step 'Generating cmdlet help at out/SsprTools/en-US/SsprTools.dll-Help.xml from docs/cmdlets'
    $helpBuilder = Join-Path $Root "src/SsprTools.HelpBuilder/bin/$Configuration/net10.0/SsprTools.HelpBuilder.dll"
    Invoke-Native dotnet @($helpBuilder, '--docs', (Join-Path $Root 'docs/cmdlets'),
        '--out', (Join-Path $ModuleOut 'en-US/SsprTools.dll-Help.xml'))
}

function Read-TrxCounts([string] $Path) {
    [xml] $trx = Get-Content -Raw -LiteralPath $Path
    $counters = $trx.TestRun.ResultSummary.Counters
    $failures = @($trx.TestRun.Results.UnitTestResult | Where-Object outcome -NE 'Passed' | Where-Object outcome -NE 'NotExecuted' |
        ForEach-Object { @{ Name = $_.testName; Message = "$($_.Output.ErrorInfo.Message)".Trim() -split "`r?`n" | Select-Object -First 1 } })
    [pscustomobject]@{
        Passed      = [int] $counters.passed
        Failed      = [int] $counters.failed + [int] $counters.error + [int] $counters.timeout
        Skipped     = [int] $counters.notExecuted
        FailedTests = $failures
    }
}

function Write-FailedTests([object[]] $Failures) {
    # Repeated after all output so that a log cut to its last lines still says what failed.
    if (-not $Failures) { return }
    Write-Host 'Failed tests:'
    foreach ($failure in $Failures) {
        Write-Host ("  {0}{1}" -f $failure.Name, $(if ($failure.Message) { ": $($failure.Message)" }))
    }
}

function Invoke-XunitTests {
    $totals = [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0; FailedTests = @() }
    foreach ($project in Get-ChildItem -Path (Join-Path $Root 'tests') -Recurse -Filter '*.Tests.csproj') {
        Write-Step "xunit: $($project.BaseName)"
        $trx = Join-Path $ResultsDir "$($project.BaseName).trx"
        Remove-Item -LiteralPath $trx -ErrorAction SilentlyContinue
        # A hung test fails after the blame timeout instead of holding CI until its own limit.
        & dotnet test $project.FullName -c $Configuration --no-build --nologo -v q --blame-hang-timeout 5m --blame-hang-dump-type none `
            --logger "trx;LogFileName=$trx" --logger 'console;verbosity=minimal' --results-directory $ResultsDir | Out-Host
        $exit = $LASTEXITCODE
        if (Test-Path -LiteralPath $trx) {
            $counts = Read-TrxCounts $trx
            $totals.Passed += $counts.Passed
            $totals.Failed += $counts.Failed
            $totals.Skipped += $counts.Skipped
            $totals.FailedTests += $counts.FailedTests
        }
        if ($exit -ne 0 -and ($totals.Failed -eq 0 -or -not (Test-Path -LiteralPath $trx))) {
            # The runner itself failed (no results): count it as a failure so it is never silent.
            $totals.Failed += 1
            $totals.FailedTests += @{ Name = $project.BaseName; Message = "dotnet test exited with $exit and reported no failed test" }
        }
    }
    $totals
}

function Invoke-PesterTests([string[]] $Tag = @()) {
    Write-Step 'Pester: tests/module (in a child pwsh, so no other build of the module is loaded)'
    $pester = Join-Path (Get-NuGetPackageRoot) "pester/$(Get-PackageProperty PesterVersion)/tools/Pester.psd1"
    $summary = Join-Path $ResultsDir 'pester-summary.json'
    Remove-Item -LiteralPath $summary -ErrorAction SilentlyContinue
    $runner = Join-Path $Root 'tests/module/Invoke-ModuleTests.ps1'
    & dotnet pwsh -NoProfile -NonInteractive -File $runner -PesterPath $pester -Tag ($Tag -join ',') `
        -ModulePath (Join-Path $ModuleOut 'SsprTools.psd1') -SimulatorPath $SimulatorDll -ResultsDirectory $ResultsDir | Out-Host
    $exit = $LASTEXITCODE
    if (-not (Test-Path -LiteralPath $summary)) {
        Write-Warning "Pester did not report results (exit code $exit)."
        return [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0; Tags = $null; FailedTests = @(@{ Name = 'Pester'; Message = "no results (exit code $exit)" }) }
    }
    $counts = Get-Content -Raw -LiteralPath $summary | ConvertFrom-Json
    [pscustomobject]@{
        Passed      = [int] $counts.Passed
        Failed      = [int] $counts.Failed + ($(if ($exit -ne 0 -and $counts.Failed -eq 0) { 1 } else { 0 }))
        Skipped     = [int] $counts.Skipped
        Tags        = $counts.Tags
        FailedTests = @($counts.FailedTests)
    }
}

function Write-ReliabilityFigures($Tags) {
    # The suites behind each figure are tagged in tests/module: Fault, BadInput, Secret, Write.
    if (-not $Tags) { return }
    Write-Host ("faults survived {0}/{1}" -f $Tags.Fault.Passed, $Tags.Fault.Total)
    Write-Host ("bad inputs handled {0}/{1}" -f $Tags.BadInput.Passed, $Tags.BadInput.Total)
    Write-Host ("secrets leaked {0}" -f ($Tags.Secret.Total - $Tags.Secret.Passed))
    Write-Host ("unintended writes {0}" -f ($Tags.Write.Total - $Tags.Write.Passed))
}

function Invoke-Reliability {
    Invoke-Build
    New-Item -ItemType Directory -Force -Path $ResultsDir | Out-Null
    $pester = Invoke-PesterTests -Tag 'Fault', 'BadInput', 'Secret', 'Write'
    Write-Host ''
    Write-ReliabilityFigures $pester.Tags
    Write-FailedTests $pester.FailedTests
    Write-Host "$($pester.Passed) passed, $($pester.Failed) failed, $($pester.Skipped) skipped"
    if ($pester.Failed -gt 0) { exit 1 }
}

function Find-Chromium {
    foreach ($candidate in @($env:SSPRTOOLS_CHROMIUM) + @('chromium', 'chromium-browser', 'google-chrome')) {
        if (-not $candidate) { continue }
        $command = Get-Command $candidate -CommandType Application -ErrorAction Ignore | Select-Object -First 1
        if ($command) { return $command.Source }
    }
}

function Use-TestBrowser {
    # The HTML report is tested in a real headless browser: Debian's chromium package, installed where the machine is
    # provisioned (.ci/run), never by this script. Its path goes to the tests through SSPRTOOLS_CHROMIUM.
    $chromium = Find-Chromium
    if ($chromium) {
        $env:SSPRTOOLS_CHROMIUM = $chromium
        Write-Host "Browser for the report test: $chromium"
    }
    else {
        Write-Warning 'Missing: a Chromium browser for the report''s browser tests, which will fail. Install the Debian package chromium (apt-get install chromium; .ci/run does this), or set SSPRTOOLS_CHROMIUM to a Chromium or Chrome binary.'
    }
}

function Invoke-Test {
    Invoke-Build
    New-Item -ItemType Directory -Force -Path $ResultsDir | Out-Null
    Use-TestBrowser
    $xunit = Invoke-XunitTests
    $pester = Invoke-PesterTests
    $passed = $xunit.Passed + $pester.Passed
    $failed = $xunit.Failed + $pester.Failed
    Write-Host ''
    Write-ReliabilityFigures $pester.Tags
    Write-FailedTests (@($xunit.FailedTests) + @($pester.FailedTests))
    $skipped = $xunit.Skipped + $pester.Skipped
    Write-Host ("xunit: {0} passed, {1} failed, {2} skipped; Pester: {3} passed, {4} failed, {5} skipped" -f
        $xunit.Passed, $xunit.Failed, $xunit.Skipped, $pester.Passed, $pester.Failed, $pester.Skipped)
    Write-Host "$passed passed, $failed failed, $skipped skipped"
    if ($failed -gt 0 -or $passed -eq 0) {
        exit 1
    }
}

function Invoke-Demo {
    Invoke-Build
    & (Join-Path $Root 'tests/demo/Invoke-Demo.ps1') -ModulePath (Join-Path $ModuleOut 'SsprTools.psd1') `
        -SimulatorPath $SimulatorDll -SimulatorLauncher $SimulatorLauncher -OutputDirectory (Join-Path $Out 'demo')
}

function Invoke-Simulate {
    Invoke-Build
    Write-Step "Running the Graph simulator with scenario '$Scenario' (Ctrl+C stops it)"
    & dotnet $SimulatorDll --scenario $Scenario --port 0
}

function Invoke-Bench {
    Invoke-Build
    Write-Step 'Bench: 10,000 users, 500 admins, 20 ms per request (tests/bench/README.md)'
    # Every measurement runs in a fresh pwsh; a failed measurement throws, a missed target only reports.
    & (Join-Path $Root 'tests/bench/Invoke-Benchmark.ps1') -ModulePath (Join-Path $ModuleOut 'SsprTools.psd1') `
        -SimulatorPath $SimulatorDll -SimulatorLauncher $SimulatorLauncher -ResultsDirectory (Join-Path $Out 'bench')
}

function Invoke-Package {
    Invoke-Build
    $manifest = Join-Path $ModuleOut 'SsprTools.psd1'
    $version = (Import-PowerShellDataFile -LiteralPath $manifest).ModuleVersion
    $packages = Join-Path $Out 'packages'
    $package = Join-Path $packages "SsprTools.$version.nupkg"
    Write-Step "Packing out/SsprTools $version into out/packages with Microsoft.PowerShell.PSResourceGet"
    New-Item -ItemType Directory -Force -Path $packages | Out-Null
    # A local repository refuses a version it already holds: the package is rebuilt each time.
    Remove-Item -LiteralPath $package -ErrorAction SilentlyContinue
    # PSResourceGet keeps repositories in the user's profile: a unique name, always unregistered.
    $repository = 'SsprTools-Package-{0}' -f [guid]::NewGuid().ToString('n')
    Register-PSResourceRepository -Name $repository -Uri $packages -Trusted
    try {
        Publish-PSResource -Path $ModuleOut -Repository $repository
    }
    finally {
        Unregister-PSResourceRepository -Name $repository
    }
    if (-not (Test-Path -LiteralPath $package)) { throw "Publish-PSResource did not produce $package." }
    Write-Host ("Package: {0} ({1:N1} MB)" -f $package, ((Get-Item -LiteralPath $package).Length / 1MB))
}

function Invoke-Clean {
    Write-Step 'Removing out/, bin/ and obj/'
    if (Test-Path $Out) { Remove-Item -Recurse -Force $Out }
    Get-ChildItem -Path (Join-Path $Root 'src'), (Join-Path $Root 'tests') -Recurse -Directory -Include bin, obj |
        Remove-Item -Recurse -Force
}

Push-Location $Root
try {
    foreach ($name in @($Task -split ',' | ForEach-Object { $_.Trim() } | Where-Object { $_ })) {
        & "Invoke-$name"
    }
}
finally {
    Pop-Location
}
