BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:Simulators = @{}
    function Use-Tenant([string] $Scenario) {
        if (-not $script:Simulators.ContainsKey($Scenario)) {
            $script:Simulators[$Scenario] = Start-SsprSimulator -SimulatorPath $script:SimulatorPath -Scenario $Scenario
        }
        Connect-TestTenant -Simulator $script:Simulators[$Scenario] | Out-Null
        $script:Simulators[$Scenario]
    }
}
AfterAll {
    Disconnect-SsprGraph
    $script:Simulators.Values | Stop-SsprSimulator
}

Describe 'Get-SsprAdmin' {
    BeforeAll { Use-Tenant seed | Out-Null }

    It 'lists the active administrators, direct and through role-assignable groups' {
        $admins = Get-SsprAdmin
        $admins.UserPrincipalName | Should -Be @('gina.group@contoso.com', 'grace.admin@contoso.com', 'henry.helpdesk@contoso.com')
        $gina = $admins | Where-Object UserPrincipalName -EQ 'gina.group@contoso.com'
        $gina.Roles[0].Via | Should -Be 'Group'
        $gina.Roles[0].GroupName | Should -Be 'SSPR User Administrators'
    }

    It 'adds PIM-eligible administrators with -IncludeEligible' {
        $paul = Get-SsprAdmin -IncludeEligible | Where-Object UserPrincipalName -EQ 'paul.pim@contoso.com'
        $paul.Roles.AssignmentType | Should -Be 'Eligible'
    }

    It 'stops with GraphPermissionDenied, not an empty list, when roles cannot be read' {
        $simulator = Use-Tenant seed
        $noRoles = New-SsprSimulatorToken -Simulator $simulator -Scopes 'Policy.Read.All', 'User.Read.All'
        Connect-TestTenant -Simulator $simulator -Token $noRoles | Out-Null
        try {
            try { Get-SsprAdmin } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -Be 'GraphPermissionDenied,SsprTools.Commands.GetSsprAdminCommand'
            $err.CategoryInfo.Category | Should -Be 'PermissionDenied'
            $err.Exception.Message | Should -Match 'RoleManagement\.Read\.Directory'
        }
        finally {
            Use-Tenant seed | Out-Null
        }
    }

    It 'narrows to -RoleName' {
        (Get-SsprAdmin -RoleName 'Global Administrator').UserPrincipalName | Should -Be 'grace.admin@contoso.com'
    }
}

Describe 'Test-SsprAdminReset' {
    Context 'tenant switch off (seed)' {
        BeforeAll { Use-Tenant seed | Out-Null }

        It 'predicts SSPR_0009 for a synchronized Global Administrator, with evidence and the fix' {
            $prediction = Test-SsprAdminReset -UserId grace.admin@contoso.com -PasswordWriteback Enabled
            $prediction.Outcome | Should -Be 'Fails'
            $prediction.PredictedError | Should -Be 'SSPR_0009'
            $prediction.IsAdmin | Should -BeTrue
            $prediction.IsSynced | Should -BeTrue
            $finding = $prediction.Findings | Where-Object ErrorCode -EQ 'SSPR_0009'
            $finding.Evidence | Should -Match 'GET /v1\.0/policies/authorizationPolicy'
            $finding.Remediation | Should -Match 'Enable-SsprForAdmins'
        }

        It 'predicts SSPR_0009 for every admin with -AllAdmins, cloud-only ones too' {
            $predictions = Test-SsprAdminReset -AllAdmins -PasswordWriteback Enabled
            $predictions.Count | Should -Be 3
            $predictions.PredictedError | Sort-Object -Unique | Should -Be 'SSPR_0009'
            ($predictions | Where-Object UserPrincipalName -EQ 'henry.helpdesk@contoso.com').IsSynced | Should -BeFalse
        }

        It 'gives the same verdicts for Get-SsprAdmin | Test-SsprAdminReset as for -AllAdmins' {
            $all = Test-SsprAdminReset -AllAdmins -PasswordWriteback Enabled | Sort-Object UserId
            $piped = Get-SsprAdmin | Test-SsprAdminReset -PasswordWriteback Enabled | Sort-Object UserId
            ($piped | ForEach-Object { "$($_.UserId) $($_.Outcome) $($_.PredictedError)" }) |
                Should -Be ($all | ForEach-Object { "$($_.UserId) $($_.Outcome) $($_.PredictedError)" })
        }

        It 'fixes SSPR_0009 once Enable-SsprForAdmins turns the switch on' {
            $simulator = Use-Tenant seed
            try {
                Enable-SsprForAdmins -Force | Out-Null
                (Test-SsprAdminReset -UserId grace.admin@contoso.com -PasswordWriteback Enabled).PredictedError | Should -Not -Be 'SSPR_0009'
            }
            finally {
                Disable-SsprForAdmins -Force | Out-Null
            }
        }
    }

    Context 'users the administrator policy does not decide (seed)' {
        BeforeAll { Use-Tenant seed | Out-Null }

        It 'judges a PIM-eligible-only admin by the user policy and says what activation would change' {
            $prediction = Test-SsprAdminReset -UserId paul.pim@contoso.com -PasswordWriteback Enabled -SsprUserPolicy All
            $prediction.IsAdmin | Should -BeFalse
            $prediction.EligibleAdminRoles | Should -Contain 'Privileged Role Administrator'
            $prediction.Findings.Code | Should -Contain 'EligibleAdminRoleOnly'
        }

        It 'says a guest resets in their home organization' {
            $prediction = Test-SsprAdminReset -UserId 'gus_fabrikam.example#EXT#@contoso.onmicrosoft.com'
            $prediction.Outcome | Should -Be 'Unknown'
            $prediction.Findings.Code | Should -Contain 'GuestResetsInHomeTenant'
        }

        It 'flags a disabled account' {
            (Test-SsprAdminReset -UserId dana.disabled@contoso.com -PasswordWriteback Enabled).Findings.Code | Should -Contain 'AccountDisabled'
        }
    }

    Context 'the user SSPR policy, stated by the admin' {
        BeforeAll {
            # The seed tenant with SSPR for users scoped to one group, as the portal's 'Selected' does.
            $scenario = Get-Content -Raw (Join-Path (Split-Path $script:SimulatorPath) 'Scenarios/seed.json') | ConvertFrom-Json
            $scenario.sspr.enabledFor = 'selected'
            $scenario.sspr | Add-Member -NotePropertyName group -NotePropertyValue 'SSPR User Administrators' -Force
            $scenarioFile = Join-Path ([IO.Path]::GetTempPath()) ("sspr-selected-{0}.json" -f [guid]::NewGuid().ToString('n'))
            $scenario | ConvertTo-Json -Depth 20 | Set-Content -LiteralPath $scenarioFile
            $selected = Start-SsprSimulator -SimulatorPath $script:SimulatorPath -Scenario $scenarioFile
            Connect-TestTenant -Simulator $selected | Out-Null
        }
        AfterAll {
            $selected | Stop-SsprSimulator
            Remove-Item -LiteralPath $scenarioFile -ErrorAction SilentlyContinue
        }

        It 'predicts SSPR_0013 for a user outside the group SSPR is enabled for' {
            (Test-SsprAdminReset -UserId carla.cloud@contoso.com -SsprUserPolicy Selected).PredictedError | Should -Be 'SSPR_0013'
        }

        It 'predicts SSPR_0009 for a non-admin when the user policy is None' {
            (Test-SsprAdminReset -UserId carla.cloud@contoso.com -SsprUserPolicy None).PredictedError | Should -Be 'SSPR_0009'
        }
    }

    Context 'pipeline input shaped like other modules'' output' {
        BeforeAll { Use-Tenant seed | Out-Null }

        It 'takes Get-MgUser objects (Id)' {
            $mgUser = [pscustomobject]@{ Id = '11111111-1111-4111-8111-111111111111'; UserPrincipalName = 'ignored@contoso.com'; DisplayName = 'Grace' }
            ($mgUser | Test-SsprAdminReset -PasswordWriteback Enabled).UserPrincipalName | Should -Be 'grace.admin@contoso.com'
        }

        It 'takes Get-MsolUser objects (ObjectId)' {
            $msolUser = [pscustomobject]@{ ObjectId = [guid]'22222222-2222-4222-8222-222222222222'; UserPrincipalName = 'ignored@contoso.com' }
            ($msolUser | Test-SsprAdminReset).UserPrincipalName | Should -Be 'henry.helpdesk@contoso.com'
        }

        It 'takes Exchange objects (ExternalDirectoryObjectId before their non-GUID Id)' {
            $mailbox = [pscustomobject]@{ Id = 'Henry Helpdesk'; ExternalDirectoryObjectId = '22222222-2222-4222-8222-222222222222'; UserPrincipalName = 'henry.helpdesk@contoso.com' }
            ($mailbox | Test-SsprAdminReset).UserId | Should -Be '22222222-2222-4222-8222-222222222222'
        }

        It 'takes Get-ADUser objects by ObjectGUID (onPremisesImmutableId)' {
            $simulator = Use-Tenant seed
            $headers = @{ Authorization = "Bearer $($simulator.Token)" }
            $immutableId = (Invoke-RestMethod -Uri "$($simulator.BaseUrl)/v1.0/users/grace.admin@contoso.com?`$select=onPremisesImmutableId" -Headers $headers).onPremisesImmutableId
            $adUser = [pscustomobject]@{ ObjectGUID = [guid]::new([Convert]::FromBase64String($immutableId)); UserPrincipalName = 'grace@corp.contoso.local'; SamAccountName = 'grace' }
            ($adUser | Test-SsprAdminReset -PasswordWriteback Enabled).UserPrincipalName | Should -Be 'grace.admin@contoso.com'
        }

        It 'takes plain strings' {
            ('henry.helpdesk@contoso.com', '66666666-6666-4666-8666-666666666666' | Test-SsprAdminReset).UserPrincipalName |
                Should -Be @('henry.helpdesk@contoso.com', 'carla.cloud@contoso.com')
        }
    }

    Context 'bad input' -Tag 'BadInput' {
        BeforeAll { Use-Tenant seed | Out-Null }

        It 'reports a user that does not exist and goes on with the rest' {
            $results = 'nobody@contoso.com', 'henry.helpdesk@contoso.com' | Test-SsprAdminReset -ErrorVariable failures -ErrorAction SilentlyContinue
            $results.UserPrincipalName | Should -Be 'henry.helpdesk@contoso.com'
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'UserNotFound,SsprTools.Commands.TestSsprAdminResetCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $failures[0].TargetObject | Should -Be 'nobody@contoso.com'
        }

        It 'reports malformed input as an invalid argument with the input as target' -TestCases @(
            @{ Bad = 'not-a-user' }, @{ Bad = '   ' }, @{ Bad = '' }, @{ Bad = '1234-not-a-guid' }, @{ Bad = ('x' * 200) + '@contoso.com' }
        ) {
            $results = $Bad, 'henry.helpdesk@contoso.com' | Test-SsprAdminReset -ErrorVariable failures -ErrorAction SilentlyContinue
            $results.UserPrincipalName | Should -Be 'henry.helpdesk@contoso.com'
            $failures[0].FullyQualifiedErrorId | Should -Be 'UserIdInvalid,SsprTools.Commands.TestSsprAdminResetCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $failures[0].TargetObject | Should -Be $Bad
        }

        It 'refuses a malformed scenario file with a clear message (the simulator)' {
            $broken = Join-Path ([IO.Path]::GetTempPath()) ("sspr-broken-{0}.json" -f [guid]::NewGuid().ToString('n'))
            Set-Content -LiteralPath $broken -Value '{ "name": "broken", "users": [ { "userPrincipalName": '
            try {
                { Start-SsprSimulator -SimulatorPath $script:SimulatorPath -Scenario $broken -TimeoutSeconds 30 } | Should -Throw '*exited with code 3*'
            }
            finally {
                Remove-Item -LiteralPath $broken -ErrorAction SilentlyContinue
            }
        }

        It 'stops with UserIdRequired when given nothing to test' {
            { Test-SsprAdminReset } | Should -Throw -ErrorId 'UserIdRequired,SsprTools.Commands.TestSsprAdminResetCommand'
        }

        It 'predicts a user given twice once, with a warning' {
            $results = 'henry.helpdesk@contoso.com', 'henry.helpdesk@contoso.com' | Test-SsprAdminReset -WarningVariable warnings -WarningAction SilentlyContinue
            @($results).Count | Should -Be 1
            $warnings | Should -Match 'more than once'
        }
    }

    Context 'admins with too few methods (unregistered)' {
        BeforeAll { Use-Tenant unregistered | Out-Null }

        It 'predicts SSPR_0014 for an admin with one registered method' {
            (Test-SsprAdminReset -UserId grace.admin@contoso.com -PasswordWriteback Enabled).PredictedError | Should -Be 'SSPR_0014'
        }
    }

    Context 'healthy tenant' {
        BeforeAll { Use-Tenant healthy | Out-Null }

        It 'predicts success for every admin with two methods, writeback on and no protected-group admin' {
            (Test-SsprAdminReset -AllAdmins -PasswordWriteback Enabled -OnPremisesProtectedAdmins None).Outcome | Sort-Object -Unique | Should -Be 'Succeeds'
        }

        It 'predicts SSPR_0010 for a synchronized user when writeback is stated off' {
            (Test-SsprAdminReset -UserId alex.wilber@contoso.com -PasswordWriteback Disabled -SsprUserPolicy All).PredictedError | Should -Be 'SSPR_0010'
        }

        It 'says Unknown, and how to state it, when writeback is not stated' {
            $prediction = Test-SsprAdminReset -UserId alex.wilber@contoso.com -SsprUserPolicy All
            $prediction.Outcome | Should -Be 'Unknown'
            ($prediction.Findings.Remediation + $prediction.Findings.Message) -join ' ' | Should -Match '-PasswordWriteback'
        }
    }

    Context 'tenant without Entra ID P1/P2 (nopremium)' {
        BeforeAll { Use-Tenant nopremium | Out-Null }

        It 'predicts SSPR_0012 for a synchronized user: writeback needs Entra ID P1/P2 or Business Premium' {
            (Test-SsprAdminReset -UserId alex.wilber@contoso.com -PasswordWriteback Enabled -SsprUserPolicy All).PredictedError | Should -Be 'SSPR_0012'
        }

        It 'still predicts SSPR_0009 for admins and says what it could not read' {
            $prediction = Test-SsprAdminReset -UserId grace.admin@contoso.com -PasswordWriteback Enabled
            $prediction.PredictedError | Should -Be 'SSPR_0009'
            ($prediction.Findings.Message + $prediction.Findings.Evidence) -join ' ' | Should -Match 'registration|userRegistrationDetails'
        }
    }

    Context 'not connected' {
        It 'tells the user to connect' {
            Disconnect-SsprGraph
            { Test-SsprAdminReset -AllAdmins } | Should -Throw -ErrorId 'NotConnected,SsprTools.Commands.TestSsprAdminResetCommand'
        }
    }
}
