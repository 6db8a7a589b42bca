# Starts and stops the Graph simulator as a child process, for build.ps1 (Demo, Simulate, Bench)
# and the Pester suites. One launcher, so every caller starts it the same way.
Set-StrictMode -Version 3

function Start-SsprSimulator {
    <#
    .SYNOPSIS
    Starts the Graph simulator on a free loopback port and waits until it is ready.
    .OUTPUTS
    An object with BaseUrl, TenantId, Token, IdentityEndpoint, IdentityHeader, Process and ReadyFile.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $SimulatorPath,
        [string] $Scenario = 'seed',
        [string[]] $ExtraArguments = @(),
        [int] $TimeoutSeconds = 60
    )

    if (-not (Test-Path -LiteralPath $SimulatorPath)) {
        throw "Graph simulator not found at '$SimulatorPath'. Run: dotnet pwsh ./build.ps1 Build"
    }

    $readyFile = Join-Path ([IO.Path]::GetTempPath()) ("ssprsim-{0}.json" -f [guid]::NewGuid().ToString('n'))
    $arguments = @($SimulatorPath, '--scenario', $Scenario, '--port', '0', '--ready-file', $readyFile) + $ExtraArguments
    $logFile = "$readyFile.log"
    $process = Start-Process -FilePath 'dotnet' -ArgumentList $arguments -PassThru -NoNewWindow `
        -RedirectStandardOutput $logFile -RedirectStandardError "$logFile.err"

    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while (-not (Test-Path -LiteralPath $readyFile)) {
        if ($process.HasExited) {
            $errors = Get-Content -Raw -LiteralPath "$logFile.err" -ErrorAction SilentlyContinue
            $message = "The Graph simulator exited with code $($process.ExitCode) before it was ready. $errors"
            if ($process.ExitCode -eq 3) {
                # Exit code 3: the scenario could not be loaded (ScenarioException); its message says what is wrong.
                $PSCmdlet.ThrowTerminatingError([System.Management.Automation.ErrorRecord]::new(
                    [System.IO.InvalidDataException]::new($message.Trim()), 'ScenarioInvalid', 'InvalidData', $Scenario))
            }
            throw $message
        }
        if ([DateTime]::UtcNow -gt $deadline) {
            Stop-Process -Id $process.Id -Force -ErrorAction SilentlyContinue
            throw "The Graph simulator was not ready within $TimeoutSeconds s."
        }
        Start-Sleep -Milliseconds 100
    }

    $ready = Get-Content -Raw -LiteralPath $readyFile | ConvertFrom-Json
    [pscustomobject]@{
        PSTypeName = 'SsprTools.SimulatorInstance'
        BaseUrl    = $ready.baseUrl.TrimEnd('/')
        TenantId   = $ready.tenantId
        Token      = $ready.token
        IdentityEndpoint = $ready.identityEndpoint
        IdentityHeader   = $ready.identityHeader
        Process    = $process
        ReadyFile  = $readyFile
    }
}

function Stop-SsprSimulator {
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline)] $Simulator)
    process {
        if ($Simulator -and -not $Simulator.Process.HasExited) {
            Stop-Process -Id $Simulator.Process.Id -Force -ErrorAction SilentlyContinue
            $Simulator.Process.WaitForExit(10000) | Out-Null
        }
        foreach ($file in @($Simulator.ReadyFile, "$($Simulator.ReadyFile).log", "$($Simulator.ReadyFile).log.err")) {
            Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue
        }
    }
}

function Get-SsprSimulatorJournal {
    <# .SYNOPSIS Reads the simulator's request journal: count, writes and entries. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Simulator)
    Invoke-RestMethod -Uri "$($Simulator.BaseUrl)/_simulator/journal" -Method Get
}

function Clear-SsprSimulatorJournal {
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Simulator)
    Invoke-RestMethod -Uri "$($Simulator.BaseUrl)/_simulator/journal" -Method Delete | Out-Null
}

function New-SsprSimulatorToken {
    <# .SYNOPSIS Asks the simulator for a token with exactly these delegated scopes or app roles. #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] $Simulator,
        [string[]] $Scopes,
        [string[]] $Roles,
        [int] $LifetimeSeconds = 3600
    )
    $body = @{ lifetimeSeconds = $LifetimeSeconds }
    if ($PSBoundParameters.ContainsKey('Roles')) { $body.roles = @($Roles) } else { $body.scopes = @($Scopes) }
    (Invoke-RestMethod -Uri "$($Simulator.BaseUrl)/_simulator/tokens" -Method Post -ContentType 'application/json' -Body ($body | ConvertTo-Json)).access_token
}

function Set-SsprSimulatorFault {
    <# .SYNOPSIS Replaces the simulator's fault settings (latencyMs, throttleRate, patchVisibilityDelayMs, ...). #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Simulator, [Parameter(Mandatory)] [hashtable] $Settings)
    Invoke-RestMethod -Uri "$($Simulator.BaseUrl)/_simulator/faults" -Method Put -ContentType 'application/json' -Body ($Settings | ConvertTo-Json) | Out-Null
}

Export-ModuleMember -Function Start-SsprSimulator, Stop-SsprSimulator, Get-SsprSimulatorJournal, Clear-SsprSimulatorJournal, New-SsprSimulatorToken, Set-SsprSimulatorFault
