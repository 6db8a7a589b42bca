<#
.SYNOPSIS
The SSPR_0009 story, end to end, against the simulated 'activity' tenant (build.ps1 Demo runs it after building).

.DESCRIPTION
Starts the Graph simulator with the 'activity' scenario (the hybrid 'seed' tenant, SSPR for administrators off, plus an
audit log of self-service reset attempts), then: who the administrators are, the switch, each administrator's predicted
reset, what the audit log shows really happened (one prediction it confirms), the fix with -WhatIf first, the predictions
again, and the HTML report at <OutputDirectory>/sspr-report.html.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $SimulatorPath,
    [Parameter(Mandatory)] [string] $SimulatorLauncher,
    [Parameter(Mandatory)] [string] $OutputDirectory
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3

function Write-Step([string] $Message) {
    Write-Host "==> $Message" -ForegroundColor Cyan
}

Import-Module $SimulatorLauncher -Force
Write-Step "Starting the Graph simulator with the 'activity' tenant (hybrid, SSPR for administrators off, 30 days of audit log)"
$simulator = Start-SsprSimulator -SimulatorPath $SimulatorPath -Scenario 'activity'
try {
    Import-Module $ModulePath -Force
    Write-Host "Simulated tenant $($simulator.TenantId) at $($simulator.BaseUrl)"

    Write-Step 'Connect-SsprGraph -GraphEndpoint <simulator> -AccessToken <token>'
    $token = ConvertTo-SecureString $simulator.Token -AsPlainText -Force
    Connect-SsprGraph -GraphEndpoint $simulator.BaseUrl -AccessToken $token | Select-Object TenantId, AuthType, Account, GraphEndpoint | Format-List | Out-Host

    Write-Step 'Get-SsprAdmin -IncludeEligible: who is governed by the administrator reset policy?'
    Get-SsprAdmin -IncludeEligible | Format-Table -AutoSize | Out-Host

    Write-Step 'Get-SsprAdminPolicy: is SSPR for administrators on?'
    $before = Get-SsprAdminPolicy
    $before | Format-Table -AutoSize | Out-Host

    # Graph cannot read the writeback toggle nor on-premises protected groups; the tenant has writeback on and
    # no administrator in a protected group, so we say so.
    Write-Step 'Test-SsprAdminReset -AllAdmins -PasswordWriteback Enabled -OnPremisesProtectedAdmins None -IncludeActivity: what would each admin see?'
    $predictionsBefore = @(Test-SsprAdminReset -AllAdmins -PasswordWriteback Enabled -OnPremisesProtectedAdmins None -IncludeActivity)
    $predictionsBefore | Format-Table -AutoSize | Out-Host
    Write-Host 'Why, for the synchronized Global Administrator:'
    $grace = $predictionsBefore | Where-Object UserPrincipalName -EQ 'grace.admin@contoso.com'
    $grace | Select-Object -ExpandProperty Findings | Where-Object Severity -EQ 'Error' | Format-List Code, Message, Evidence, Remediation | Out-Host

    Write-Step 'Get-SsprResetActivity -UserId grace.admin@contoso.com: what really happened at the reset page'
    Get-SsprResetActivity -UserId grace.admin@contoso.com | Format-Table -AutoSize | Out-Host
    $grace.Findings | Where-Object Code -Like 'ObservedAttempt*' | Format-List Code, Message, Evidence | Out-Host

    Write-Step 'Enable-SsprForAdmins -WhatIf: shows what would change, sends nothing'
    Enable-SsprForAdmins -WhatIf

    Write-Step 'Enable-SsprForAdmins -Confirm:$false: the fix'
    Enable-SsprForAdmins -Confirm:$false | Format-Table -AutoSize | Out-Host

    Write-Step 'Test-SsprAdminReset -AllAdmins again'
    $predictionsAfter = @(Test-SsprAdminReset -AllAdmins -PasswordWriteback Enabled -OnPremisesProtectedAdmins None)
    $predictionsAfter | Format-Table -AutoSize | Out-Host

    Write-Step 'Export-SsprReport -AllAdmins -PasswordWriteback Enabled -OnPremisesProtectedAdmins None: the report to send'
    New-Item -ItemType Directory -Force -Path $OutputDirectory | Out-Null
    $report = Export-SsprReport -AllAdmins -PasswordWriteback Enabled -OnPremisesProtectedAdmins None -Path (Join-Path $OutputDirectory 'sspr-report.html') -PassThru
    Write-Host "Report: $($report.FullName) ($('{0:N0}' -f $report.Length) bytes; open it in a browser)"

    Write-Step 'What changed'
    foreach ($after in $predictionsAfter) {
        $was = $predictionsBefore | Where-Object UserId -EQ $after.UserId
        Write-Host ("{0,-30} {1,-8} {2,-10} -> {3,-8} {4}" -f $after.UserPrincipalName, $was.Outcome, $was.PredictedError, $after.Outcome, $after.PredictedError)
    }

    $journal = Get-SsprSimulatorJournal -Simulator $simulator
    $writes = @($journal.entries | Where-Object { $_.method -notin 'GET', 'POST' -or ($_.method -eq 'POST' -and $_.path -notlike '*$batch') })
    Write-Host ("Graph traffic: {0} requests (batch steps included), {1} write(s): {2}" -f $journal.count, $writes.Count,
        (($writes | ForEach-Object { "$($_.method) $($_.path) -> $($_.status)" }) -join '; '))
    $fixed = @($predictionsBefore | Where-Object PredictedError -EQ 'SSPR_0009').Count
    $left = @($predictionsAfter | Where-Object PredictedError -EQ 'SSPR_0009').Count
    $confirmed = @($predictionsBefore | Where-Object { $_.Findings.Code -contains 'ObservedAttemptAgrees' }).Count
    Write-Host ("Story: SSPR for administrators was {0}; {1} admin(s) would have hit SSPR_0009 ({2} prediction(s) confirmed by the audit log). Enable-SsprForAdmins turned it {3}; {4} admin(s) still would." -f
        $(if ($before.AllowedToUseSspr) { 'on' } else { 'off' }), $fixed, $confirmed, $(if ((Get-SsprAdminPolicy).AllowedToUseSspr) { 'on' } else { 'off' }), $left) -ForegroundColor Green
    Disconnect-SsprGraph
}
finally {
    Write-Step 'Stopping the simulator'
    Stop-SsprSimulator -Simulator $simulator
}
