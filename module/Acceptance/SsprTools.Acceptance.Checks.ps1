# Helpers of SsprTools.Acceptance.Tests.ps1, dot-sourced at discovery and before the run. Each check
# is judged from the module's own ResetPrediction (docs/rules.md) and its stable finding codes; an
# outcome the module cannot decide is Inconclusive, never a guess either way.

function Read-SsprAcceptanceTenant {
    # The tenant is read once. A failure becomes data, so the run reports it as one failed test
    # instead of a discovery error that hides which check could not run.
    param([switch] $IncludeEligible, [string] $PasswordWriteback, [string] $SsprUserPolicy, [string] $OnPremisesProtectedAdmins, [int] $ActivityDays = 7)

    $stated = @{}
    if ($PasswordWriteback) { $stated.PasswordWriteback = $PasswordWriteback }
    if ($SsprUserPolicy) { $stated.SsprUserPolicy = $SsprUserPolicy }
    if ($OnPremisesProtectedAdmins) { $stated.OnPremisesProtectedAdmins = $OnPremisesProtectedAdmins }
    $tenant = @{
        TenantId = '(not read)'; Policy = $null; ReadError = $null; IncludeEligible = [bool] $IncludeEligible
        Admins = @(); SyncedAdmins = @(); Eligible = @()
    }
    try {
        $tenant.Policy = Get-SsprAdminPolicy -ErrorAction Stop
        $predictions = @(Test-SsprAdminReset -AllAdmins -IncludeEligible:$IncludeEligible @stated -ErrorAction Stop)
    }
    catch {
        $action = if ($_.ErrorDetails) { $_.ErrorDetails.RecommendedAction }
        $tenant.ReadError = ('[{0}] {1} {2}' -f $_.FullyQualifiedErrorId.Split(',')[0], $_.Exception.Message, $action).Trim()
        return $tenant
    }

    if ($tenant.Policy.TenantId) { $tenant.TenantId = $tenant.Policy.TenantId }
    foreach ($prediction in $predictions) {
        $entry = @{ UserPrincipalName = $prediction.UserPrincipalName; Prediction = $prediction }
        # Only -IncludeEligible returns users without an active role; IsAdmin $null (undecided) stays an admin.
        if ($prediction.IsAdmin -eq $false) { $tenant.Eligible += $entry; continue }
        $tenant.Admins += $entry
        if ($prediction.IsSynced -ne $false) { $tenant.SyncedAdmins += $entry }
    }
    Add-SsprAcceptanceActivity -Admins $tenant.Admins -Days $ActivityDays
    $tenant
}

function Add-SsprAcceptanceActivity {
    # Each administrator's attempts of the last $Days days from the audit log. An unreadable log (no AuditLog.Read.All)
    # is recorded on every entry, so the Activity checks are Inconclusive and the others still run.
    param([object[]] $Admins, [int] $Days)
    if ($Admins.Count -eq 0) { return }
    $since = [DateTimeOffset]::UtcNow.AddDays(-$Days)
    try {
        $attempts = @($Admins | ForEach-Object { $_.Prediction.UserId } | Get-SsprResetActivity -Since $since -ErrorAction Stop)
        foreach ($entry in $Admins) {
            $entry.Attempts = @($attempts | Where-Object UserId -EQ $entry.Prediction.UserId)
            $entry.ActivityDays = $Days
        }
    }
    catch {
        foreach ($entry in $Admins) { $entry.ActivityError = $_.Exception.Message }
    }
}

function Get-SsprNoAdminReason {
    # No standing administrators is what PIM aims for, so it is not a failure.
    param([bool] $IncludeEligible, [int] $EligibleCount)
    $none = 'no user holds an active role on the administrator reset policy list'
    if (-not $IncludeEligible) { return "$none (with PIM they may all be eligible only: run with -IncludeEligible to check those)" }
    if ($EligibleCount -gt 0) { return "$none; the $EligibleCount PIM-eligible one(s) are checked under 'PIM-eligible administrators'" }
    "$none, and none is PIM-eligible for one"
}

function New-SsprCheck([string] $Result, [string] $Message = '') {
    [pscustomobject]@{ Result = $Result; Message = $Message }
}

function Get-SsprFinding($Prediction, [string[]] $Code) {
    # The first finding with one of the codes, in the order the codes are given.
    foreach ($name in $Code) {
        $found = $Prediction.Findings | Where-Object Code -EQ $name | Select-Object -First 1
        if ($found) { return $found }
    }
}

function Format-SsprFindingFix($Findings) {
    (@($Findings | Where-Object Remediation | ForEach-Object { '{0}: {1}' -f $_.Code, $_.Remediation }) -join ' | ')
}

function Get-SsprFindingCheck {
    # One check judged from finding codes: a failing code fails it, an undecided one makes it
    # Inconclusive, a passing one passes it (no -Passes: passed unless failed or undecided).
    param($Prediction, [string[]] $Fails, [string[]] $Undecided = @(), [string[]] $Passes = @(), [string] $Hint = '')
    $user = $Prediction.UserPrincipalName
    if ($finding = Get-SsprFinding $Prediction $Fails) {
        $sees = if ($finding.ErrorCode) { " would get $($finding.ErrorCode)" }
        return New-SsprCheck Failed "$user${sees}: $($finding.Message) Fix: $($finding.Remediation)"
    }
    if ($finding = Get-SsprFinding $Prediction $Undecided) {
        return New-SsprCheck Inconclusive ("$($finding.Message) To settle it: $($finding.Remediation) $Hint").Trim()
    }
    if ($Passes.Count -eq 0 -or (Get-SsprFinding $Prediction $Passes)) { return New-SsprCheck Passed }
    New-SsprCheck Inconclusive "SsprTools did not judge this for $user ($($Prediction.Reason))"
}

function Get-SsprResetCheck($Prediction) {
    $user = $Prediction.UserPrincipalName
    switch ($Prediction.Outcome) {
        'Succeeds' { return New-SsprCheck Passed }
        'Fails' {
            $fix = Format-SsprFindingFix ($Prediction.Findings | Where-Object Severity -EQ 'Error')
            return New-SsprCheck Failed "$user would get $($Prediction.PredictedError): $($Prediction.Reason). Fix: $fix"
        }
        default {
            $settle = Format-SsprFindingFix ($Prediction.Findings | Where-Object Severity -EQ 'Warning')
            return New-SsprCheck Inconclusive "SsprTools could not predict $user's reset ($($Prediction.Reason)). To settle it: $settle"
        }
    }
}

function Get-SsprMethodsCheck($Prediction) {
    # RegistrationReportStale: the live methods show more than the (lagging) registration report; undecided, not failed.
    Get-SsprFindingCheck $Prediction -Fails 'AdminTooFewMethods' -Undecided 'AdminMethodsUndetermined', 'RegistrationReportStale' -Passes 'AdminMethodsCounted'
}

function Get-SsprWritebackCheck($Prediction) {
    # Graph has no documented read of the writeback toggle, nor of on-premises protected groups (SSPR_0029): only the admin can state them.
    Get-SsprFindingCheck $Prediction -Fails 'WritebackDisabled', 'OnPremisesProtectedAccount' `
        -Undecided 'SyncStateUnreadable', 'WritebackUnknown', 'SyncedAdminProtectedGroup' -Passes 'WritebackStatedEnabled' `
        -Hint "(Invoke-SsprAcceptance -PasswordWriteback Enabled -OnPremisesProtectedAdmins None, or New-PesterContainer -Data @{ PasswordWriteback = 'Enabled'; OnPremisesProtectedAdmins = 'None' })"
}

function Get-SsprLicenceCheck($Prediction) {
    # Writeback needs the user's own P1/P2 plan; a cloud-only reset may be licensed through
    # Microsoft 365 Business Standard, which Graph shows as no plan, so that stays undecided.
    $perUser = 'UserWithoutEntraPremiumPlan'
    if ($Prediction.IsSynced -eq $true) {
        return Get-SsprFindingCheck $Prediction -Fails 'TenantNotLicensed', $perUser -Undecided 'TenantLicenceUndetermined'
    }
    Get-SsprFindingCheck $Prediction -Fails 'TenantNotLicensed' -Undecided 'TenantLicenceUndetermined', $perUser
}

function Get-SsprEligibleCheck($Prediction) {
    $user = $Prediction.UserPrincipalName
    if ($Prediction.Outcome -eq 'Fails') {
        return Get-SsprResetCheck $Prediction
    }
    $activation = Get-SsprFinding $Prediction 'EligibleAdminRoleOnly'
    # EligibleAdminRoleOnly is Information when activation would succeed; a Warning carries the fix only when it would fail.
    if ($activation -and $activation.Severity -eq 'Warning' -and $activation.Remediation) {
        return New-SsprCheck Failed "$user, once a role is activated: $($activation.Message) Fix: $($activation.Remediation)"
    }
    if ($Prediction.Outcome -eq 'Unknown') { return Get-SsprResetCheck $Prediction }
    if (-not $activation -or $activation.Severity -ne 'Information') {
        $said = if ($activation) { $activation.Message } else { 'no verdict for an active role was given' }
        return New-SsprCheck Inconclusive "SsprTools could not predict $user's reset while a role is active: $said"
    }
    New-SsprCheck Passed
}

function Get-SsprActivityCheck($Prediction, $Entry) {
    # Failed and Blocked attempts are resets that did not happen; Abandoned ones say nothing about the configuration.
    if ($Entry.ActivityError) {
        return New-SsprCheck Inconclusive "The audit log could not be read: $($Entry.ActivityError) To settle it: grant AuditLog.Read.All (with delegated sign-in also a role such as Reports Reader)."
    }
    $failed = @($Entry.Attempts | Where-Object Outcome -In 'Failed', 'Blocked')
    if ($failed.Count -eq 0) { return New-SsprCheck Passed }
    $latest = $failed[0]
    $code = if ($latest.ErrorCode) { " ($($latest.ErrorCode))" } else { '' }
    New-SsprCheck Failed ("{0} failed {1} self-service reset attempt(s) in the last {2} days; the latest, {3:yyyy-MM-dd HH:mm}Z: {4}{5}: {6} See Get-SsprResetActivity -UserId {0}." -f
        $Prediction.UserPrincipalName, $failed.Count, $Entry.ActivityDays, $latest.StartedAt.UtcDateTime, $latest.Outcome, $code, $latest.Reason)
}

function Assert-SsprCheck($Check) {
    # Pester's own results: Failed through Should (so its message reads as a failed assertion), Inconclusive with the reason.
    switch ($Check.Result) {
        'Passed' { return }
        'Inconclusive' { Set-ItResult -Inconclusive -Because $Check.Message }
        default { $false | Should -BeTrue -Because $Check.Message }
    }
}
