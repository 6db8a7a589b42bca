# Dot-sourced by every *.Tests.ps1 in BeforeAll: the module under test, the simulator launcher and
# a few helpers. Paths come from build.ps1 (environment) or default to the repository's out/.
$repoRoot = Resolve-Path (Join-Path $PSScriptRoot '../..')
$script:ModulePath = if ($env:SSPRTOOLS_MODULE_PATH) { $env:SSPRTOOLS_MODULE_PATH } else { Join-Path $repoRoot 'out/SsprTools/SsprTools.psd1' }
$script:SimulatorPath = if ($env:SSPRTOOLS_SIMULATOR_PATH) { $env:SSPRTOOLS_SIMULATOR_PATH } else { Join-Path $repoRoot 'out/GraphSimulator/SsprTools.GraphSimulator.dll' }
# The Pester running these tests, for child processes that need one (Invoke-SsprAcceptance).
$script:PesterPath = if ($env:SSPRTOOLS_PESTER_PATH) { $env:SSPRTOOLS_PESTER_PATH } else { Join-Path (Get-Module Pester).ModuleBase 'Pester.psd1' }
Import-Module (Join-Path $repoRoot 'src/SsprTools.GraphSimulator/tools/SsprSimulator.psm1') -Force
Import-Module $script:ModulePath -Force

function ConvertTo-TestSecureString([string] $Text) {
    ConvertTo-SecureString $Text -AsPlainText -Force
}

function Connect-TestTenant {
    param([Parameter(Mandatory)] $Simulator, [string] $Token = $Simulator.Token)
    Connect-SsprGraph -GraphEndpoint $Simulator.BaseUrl -AccessToken (ConvertTo-TestSecureString $Token)
}

function Get-TestWrites {
    # The Graph writes the simulator saw (batch steps included).
    param([Parameter(Mandatory)] $Simulator)
    @((Get-SsprSimulatorJournal -Simulator $Simulator).entries | Where-Object { $_.method -ne 'GET' })
}

function Invoke-FreshPwsh {
    <#
    Runs a script in a new pwsh process (for what needs a clean process: import cost, assembly
    isolation) and returns its output parsed from JSON.
    #>
    param([Parameter(Mandatory)] [string] $Script, [hashtable] $Environment = @{})
    $file = Join-Path ([IO.Path]::GetTempPath()) ("sspr-fresh-{0}.ps1" -f [guid]::NewGuid().ToString('n'))
    Set-Content -LiteralPath $file -Value $Script
    $saved = @{}
    foreach ($name in $Environment.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $Environment[$name])
    }
    try {
        $output = & (Get-Process -Id $PID).Path (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File $file 2>&1
        if ($LASTEXITCODE -ne 0) { throw "Child pwsh failed ($LASTEXITCODE): $($output -join [Environment]::NewLine)" }
        ($output | Where-Object { $_ -is [string] }) -join [Environment]::NewLine | ConvertFrom-Json
    }
    finally {
        foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue
    }
}
