<#
.SYNOPSIS
SsprTools' tenant checks: can the administrators of the connected tenant reset their own passwords?

.DESCRIPTION
Pester 5.1 or later, against the tenant Connect-SsprGraph is connected to. Invoke-SsprAcceptance runs
them; they also run as part of your own suite:

    $checks = Join-Path (Get-Module SsprTools).ModuleBase 'Acceptance'
    Invoke-Pester -Container (New-PesterContainer -Path $checks -Data @{ PasswordWriteback = 'Enabled'; OnPremisesProtectedAdmins = 'None' })

The tenant is read once, at discovery: Get-SsprAdminPolicy and Test-SsprAdminReset -AllAdmins.
Tags: SsprTools (all), AdminSwitch, AdminReset, AdminMethods, Writeback, Licence, Eligible, Activity.
Activity reads the audit log (Get-SsprResetActivity, AuditLog.Read.All): no administrator failed (or was
blocked in) a self-service reset in the last ActivityDays days; unreadable, it is Inconclusive.
What SsprTools cannot predict (a fact Graph does not show, or one you did not state) is Inconclusive,
with the reason and how to settle it; only a certain failure is Failed.
#>
param(
    # Also check users who are only PIM-eligible for a role on the administrator reset policy list.
    [switch] $IncludeEligible,
    # Whether password writeback is on; Microsoft Graph cannot read it. Unstated, the writeback checks are Inconclusive.
    [ValidateSet('Enabled', 'Disabled')] [string] $PasswordWriteback,
    # The user SSPR policy (None, Selected, All), which judges eligible-only administrators; Graph cannot read it.
    [ValidateSet('None', 'Selected', 'All')] [string] $SsprUserPolicy,
    # None: no synchronized administrator is or was in an on-premises protected group (adminCount = 1, SSPR_0029); Graph cannot see it.
    [ValidateSet('None')] [string] $OnPremisesProtectedAdmins,
    # How far back the Activity check looks in the audit log (which keeps 30 days with P1/P2, 7 on Free).
    [ValidateRange(1, 30)] [int] $ActivityDays = 7
)

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'SsprTools.Acceptance.Checks.ps1')
    $tenant = Read-SsprAcceptanceTenant -IncludeEligible:$IncludeEligible -PasswordWriteback $PasswordWriteback -SsprUserPolicy $SsprUserPolicy -OnPremisesProtectedAdmins $OnPremisesProtectedAdmins -ActivityDays $ActivityDays
    $perAdminTags = 'AdminReset', 'AdminMethods', 'Writeback', 'Licence', 'Eligible', 'Activity'
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'SsprTools.Acceptance.Checks.ps1')
}

Describe 'Self-service password reset for administrators of tenant <TenantId>' -Tag 'SsprTools' -ForEach @($tenant) {
    if ($ReadError) {
        It 'reads the tenant' -Tag (@('AdminSwitch') + $perAdminTags) {
            $ReadError | Should -BeNullOrEmpty -Because 'the checks read the tenant with Get-SsprAdminPolicy and Test-SsprAdminReset -AllAdmins'
        }
        return
    }

    It 'SSPR for administrators is turned on' -Tag 'AdminSwitch' {
        $Policy.AllowedToUseSspr | Should -BeTrue -Because ("allowedToUseSSPR is off, so every administrator who tries self-service " +
            "password reset gets SSPR_0009 (password reset isn't turned on); fix: Enable-SsprForAdmins")
    }

    if ($Admins.Count -eq 0) {
        It 'has administrators with an active role to check' -Tag $perAdminTags {
            Set-ItResult -Skipped -Because (Get-SsprNoAdminReason -IncludeEligible $IncludeEligible -EligibleCount $Eligible.Count)
        }
    }

    # One Context per check and one It per administrator it applies to. Cloud-only administrators
    # reset in Entra alone, so only synchronized ones need writeback.
    $checks = @(
        @{ Title = 'Every administrator can reset their own password'; CheckTag = 'AdminReset'; Users = $Admins
           TestName = '<UserPrincipalName> can reset their own password'; Judge = 'Get-SsprResetCheck' }
        @{ Title = 'Every administrator has two methods the administrator policy accepts'; CheckTag = 'AdminMethods'; Users = $Admins
           TestName = '<UserPrincipalName> has the methods the administrator policy requires'; Judge = 'Get-SsprMethodsCheck' }
        @{ Title = 'Synced administrators can write back passwords'; CheckTag = 'Writeback'; Users = $SyncedAdmins
           TestName = '<UserPrincipalName> can write back a new password'; Judge = 'Get-SsprWritebackCheck' }
        @{ Title = 'Every administrator is licensed for SSPR'; CheckTag = 'Licence'; Users = $Admins
           TestName = '<UserPrincipalName> is licensed for SSPR'; Judge = 'Get-SsprLicenceCheck' }
        @{ Title = 'PIM-eligible administrators can reset their own password'; CheckTag = 'Eligible'; Users = $Eligible
           TestName = '<UserPrincipalName> can reset their own password, with or without an active role'; Judge = 'Get-SsprEligibleCheck' }
        @{ Title = "No administrator failed a self-service reset in the last $ActivityDays days"; CheckTag = 'Activity'; Users = $Admins
           TestName = "<UserPrincipalName> did not fail a self-service reset in the last $ActivityDays days"; Judge = 'Get-SsprActivityCheck' }
    )
    $applicable = @($checks | Where-Object { $_.Users.Count -gt 0 })
    if ($applicable.Count -gt 0) {
        Context '<Title>' -ForEach $applicable {
            It $TestName -Tag $CheckTag -ForEach $Users {
                Assert-SsprCheck (& $Judge $Prediction $_)
            }
        }
    }
}
