# Admin status where Microsoft's pages decide nothing (issue 13, part 2, items 1, 2 and 6), through the module as a user
# calls it. Both scenarios have SSPR for administrators off: under the administrator policy the reset fails with
# SSPR_0009, under the user policy it succeeds, so an undecided admin status shows as Unknown (docs/rules.md).
Set-StrictMode -Version Latest

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:Simulators = @{}
    function Use-Tenant([string] $Scenario) {
        if (-not $script:Simulators.ContainsKey($Scenario)) {
            $path = Join-Path $PSScriptRoot "scenarios/$Scenario.json"
            $script:Simulators[$Scenario] = Start-SsprSimulator -SimulatorPath $script:SimulatorPath -Scenario $path
        }
        Connect-TestTenant -Simulator $script:Simulators[$Scenario] | Out-Null
    }
    function Get-Codes($Prediction) { @($Prediction.Findings | ForEach-Object Code) }
    function Get-Finding($Prediction, [string] $Code) { $Prediction.Findings | Where-Object Code -EQ $Code }
}
AfterAll {
    Disconnect-SsprGraph
    $script:Simulators.Values | Stop-SsprSimulator
}

Describe 'Test-SsprAdminReset: admin status' {
    Context 'a role-assignable group whose members cannot be read (admin-status-gaps)' {
        BeforeAll { Use-Tenant admin-status-gaps }

        It 'leaves a direct Global Reader undecided, not Succeeds, and names the unread group' {
            $prediction = Test-SsprAdminReset -UserId rita.reader@contoso.com
            $prediction.Outcome | Should -Be 'Unknown'
            $prediction.PredictedError | Should -BeNullOrEmpty
            $prediction.IsAdmin | Should -BeNullOrEmpty
            $finding = Get-Finding $prediction AdminRoleListIncomplete
            $finding.Severity | Should -Be 'Warning'
            $finding.Evidence | Should -Match "Tier0 Admins.*403 Authorization_RequestDenied"
            (Get-Finding $prediction AdminSsprDisabled).Message | Should -BeLike 'If the administrator policy applies: *'
        }

        It 'keeps a direct Global Administrator certain: Fails with SSPR_0009' {
            $prediction = Test-SsprAdminReset -UserId ada.admin@contoso.com
            $prediction.Outcome | Should -Be 'Fails'
            $prediction.PredictedError | Should -Be 'SSPR_0009'
            $prediction.IsAdmin | Should -BeTrue
            (Get-Finding $prediction AdminRoleListIncomplete).Severity | Should -Be 'Information'
        }

        It 'leaves a user with no known role undecided: the roles cannot be read for them' {
            $prediction = Test-SsprAdminReset -UserId nora.noroles@contoso.com
            $prediction.Outcome | Should -Be 'Unknown'
            $prediction.IsAdmin | Should -BeNullOrEmpty
            Get-Codes $prediction | Should -Contain 'AdminRolesUnreadable'
        }
    }

    Context 'roles and report rows the SSPR list does not decide (admin-status)' {
        BeforeAll { Use-Tenant admin-status }

        It '<Upn>: <Outcome> <PredictedError>, IsAdmin <IsAdmin>, <Code>' -ForEach @(
            @{ Upn = 'carl.custom@contoso.com'; Outcome = 'Unknown'; PredictedError = $null; IsAdmin = $null; Code = 'CustomRoleNotAddressed' }
            @{ Upn = 'tess.teamsreader@contoso.com'; Outcome = 'Unknown'; PredictedError = $null; IsAdmin = $null; Code = 'BuiltInRoleNewerThanPolicyList' }
            @{ Upn = 'aura.unit@contoso.com'; Outcome = 'Unknown'; PredictedError = $null; IsAdmin = $null; Code = 'AdminRoleScopedToAdministrativeUnit' }
            @{ Upn = 'ivy.isadmin@contoso.com'; Outcome = 'Unknown'; PredictedError = $null; IsAdmin = $null; Code = 'RegistrationReportAdminMismatch' }
            @{ Upn = 'gwen.reader@contoso.com'; Outcome = 'Succeeds'; PredictedError = $null; IsAdmin = $false; Code = 'RoleNotOnAdminPolicyList' }
            @{ Upn = 'ada.admin@contoso.com'; Outcome = 'Fails'; PredictedError = 'SSPR_0009'; IsAdmin = $true; Code = 'AdminSsprDisabled' }
            @{ Upn = 'uma.unitandtenant@contoso.com'; Outcome = 'Fails'; PredictedError = 'SSPR_0009'; IsAdmin = $true; Code = 'AdminSsprDisabled' }
        ) {
            $prediction = Test-SsprAdminReset -UserId $Upn
            $prediction.Outcome | Should -Be $Outcome
            $prediction.PredictedError | Should -Be $PredictedError
            $prediction.IsAdmin | Should -Be $IsAdmin
            Get-Codes $prediction | Should -Contain $Code
        }

        It 'shows the custom role, the newer role and the unit scope in the evidence' {
            (Get-Finding (Test-SsprAdminReset -UserId carl.custom@contoso.com) CustomRoleNotAddressed).Evidence | Should -Match 'Contoso Password Reviewer'
            (Get-Finding (Test-SsprAdminReset -UserId tess.teamsreader@contoso.com) BuiltInRoleNewerThanPolicyList).Evidence | Should -Match '1076ac91-f3d9-41a7-a339-dcdf5f480acc'
            (Get-Finding (Test-SsprAdminReset -UserId aura.unit@contoso.com) AdminRoleScopedToAdministrativeUnit).Evidence | Should -Match 'scope /administrativeUnits/ae000000-0000-4000-8000-0000000000a1'
        }

        It 'lists holders of a custom or newer built-in role in Get-SsprAdmin and -AllAdmins, and not a Global Reader' {
            $admins = @(Get-SsprAdmin).UserPrincipalName
            $admins | Should -Contain 'carl.custom@contoso.com'
            $admins | Should -Contain 'tess.teamsreader@contoso.com'
            $admins | Should -Not -Contain 'gwen.reader@contoso.com'
            $all = @(Test-SsprAdminReset -AllAdmins)
            ($all | Where-Object UserPrincipalName -EQ 'carl.custom@contoso.com').Outcome | Should -Be 'Unknown'
            ($all | Where-Object UserPrincipalName -EQ 'tess.teamsreader@contoso.com').Outcome | Should -Be 'Unknown'
            $piped = @(Get-SsprAdmin | Test-SsprAdminReset)
            ($piped | Sort-Object UserId | ForEach-Object { "$($_.UserId) $($_.Outcome) $($_.PredictedError)" }) |
                Should -Be ($all | Sort-Object UserId | ForEach-Object { "$($_.UserId) $($_.Outcome) $($_.PredictedError)" })
        }

        It 'lists a unit-scoped role in Get-SsprAdmin with its scope' {
            $aura = Get-SsprAdmin | Where-Object UserPrincipalName -EQ 'aura.unit@contoso.com'
            $aura.Roles.DirectoryScopeId | Should -Be '/administrativeUnits/ae000000-0000-4000-8000-0000000000a1'
            ($aura | Format-Table | Out-String -Width 300) | Should -Match 'Helpdesk Administrator \(Active, Direct, scope /administrativeUnits/ae000000'
        }
    }

    Context 'B2B collaboration users whose userType is Member (admin-status)' {
        BeforeAll { Use-Tenant admin-status }

        It '<Name> resets in the home organization (<Signal>)' -ForEach @(
            @{ Name = 'an #EXT# member'; Id = 'a0000001-0000-4000-8000-000000000007'; Signal = 'contains #EXT#' }
            @{ Name = 'an #EXT# member by UPN'; Id = 'max_fabrikam.com#EXT#@contoso.onmicrosoft.com'; Signal = 'contains #EXT#' }
            @{ Name = 'an invited member'; Id = 'a0000001-0000-4000-8000-000000000008'; Signal = 'user.creationType = Invitation' }
        ) {
            $prediction = Test-SsprAdminReset -UserId $Id
            $prediction.Outcome | Should -Be 'Unknown'
            $prediction.PredictedError | Should -BeNullOrEmpty
            $prediction.IsAdmin | Should -BeTrue
            $finding = Get-Finding $prediction ExternalMemberResetsInHomeTenant
            $finding.Severity | Should -Be 'Information'
            $finding.Evidence | Should -Match ([regex]::Escape($Signal))
            Get-Codes $prediction | Should -Not -Contain 'AdminSsprDisabled'
        }

        It 'names externalUserState in the evidence when Graph returns it' {
            $finding = Get-Finding (Test-SsprAdminReset -UserId a0000001-0000-4000-8000-000000000007) ExternalMemberResetsInHomeTenant
            $finding.Evidence | Should -Match 'user.externalUserState = Accepted'
        }
    }
}

Describe 'Views of undecided admin status' {
    BeforeAll { Use-Tenant admin-status }

    It 'renders the table with an empty Admin column and writes the report' {
        $predictions = 'carl.custom@contoso.com', 'ada.admin@contoso.com' | Test-SsprAdminReset
        $table = $predictions | Format-Table | Out-String -Width 200
        # Admin is blank (undecided), Synced False, Outcome Unknown.
        $table | Should -Match 'carl\.custom@contoso\.com\s+False\s+Unknown'
        $table | Should -Match 'ada\.admin@contoso\.com\s+True\s+False\s+Fails\s+SSPR_0009'
        $path = Join-Path ([IO.Path]::GetTempPath()) ("admin-status-{0}.html" -f [guid]::NewGuid().ToString('n'))
        try {
            $predictions | Export-SsprReport -Path $path | Out-Null
            Get-Content -Raw -LiteralPath $path | Should -Match 'CustomRoleNotAddressed'
        }
        finally { Remove-Item -LiteralPath $path -ErrorAction SilentlyContinue }
    }
}
