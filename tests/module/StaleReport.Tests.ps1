Set-StrictMode -Version Latest

# The registration report "may reflect a latency of up to 36 hours" (howto-authentication-methods-activity.md,
# "Limitations"): a report-based SSPR_0014 is checked against the live authentication methods, and a flag the
# report leaves out is unreadable, never false. Tenant: tests/module/scenarios/stale-report.json.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:Simulator = Start-SsprSimulator -SimulatorPath $script:SimulatorPath -Scenario (Join-Path $PSScriptRoot 'scenarios/stale-report.json')
    Connect-TestTenant -Simulator $script:Simulator | Out-Null

    function Get-MethodReads {
        @((Get-SsprSimulatorJournal -Simulator $script:Simulator).entries | Where-Object { $_.path -like '*/authentication/methods' })
    }
}
AfterAll {
    Disconnect-SsprGraph
    $script:Simulator | Stop-SsprSimulator
}

Describe 'Test-SsprAdminReset with a registration report behind the live methods' {
    BeforeEach { Clear-SsprSimulatorJournal -Simulator $script:Simulator }

    Context 'an administrator who registered a second method after the report''s last update' {
        It 'is Unknown, not SSPR_0014, with a finding that the report has not caught up' {
            $prediction = Test-SsprAdminReset -UserId stella.stale@contoso.com

            $prediction.Outcome | Should -Be 'Unknown'
            $prediction.PredictedError | Should -BeNullOrEmpty
            $prediction.Findings.Severity | Should -Not -Contain 'Error'
            $stale = $prediction.Findings | Where-Object Code -EQ 'RegistrationReportStale'
            $stale.Severity | Should -Be 'Warning'
            $stale.Message | Should -BeLike '*Microsoft Authenticator (createdDateTime 2025-01-06T09:40:00Z*'
            $stale.Message | Should -BeLike '*registered after the report''s last update (lastUpdatedDateTime 2025-01-06T07:00:00Z*the report has not caught up*'
            $stale.Evidence | Should -BeLike '*GET /v1.0/users/{id}/authentication/methods at *'
        }

        It 'reads the live methods of that administrator only, in one $batch' {
            Test-SsprAdminReset -UserId stella.stale@contoso.com | Out-Null

            $reads = Get-MethodReads
            $reads.Count | Should -Be 1
            $reads[0].path | Should -BeLike '/v1.0/users/5a1e0001-0000-4000-8000-000000000001/*'
            $reads[0].inBatch | Should -BeTrue
        }
    }

    Context 'an administrator whose live methods agree with the report' {
        It 'fails with SSPR_0014 and the evidence says it was confirmed live' {
            $prediction = Test-SsprAdminReset -UserId connor.confirmed@contoso.com

            $prediction.Outcome | Should -Be 'Fails'
            $prediction.PredictedError | Should -Be 'SSPR_0014'
            $error14 = $prediction.Findings | Where-Object Code -EQ 'AdminTooFewMethods'
            $error14.Message | Should -BeLike '*The live authentication methods confirm it.*'
            $error14.Evidence | Should -BeLike '*confirmed live: authentication methods = `[*#microsoft.graph.phoneAuthenticationMethod (mobile)`]; GET /v1.0/users/{id}/authentication/methods at *'
            ([regex]::Matches($error14.Evidence, 'authentication methods = ')).Count | Should -Be 1
            $error14.Evidence | Should -BeLike '*lastUpdatedDateTime = 2025-01-06T07:00:00Z (* before this read)*'
        }

        It 'keeps SSPR_0014 but says it is unconfirmed, and what to grant, without UserAuthenticationMethod.Read.All' {
            $noMethods = New-SsprSimulatorToken -Simulator $script:Simulator -Scopes 'Policy.Read.All', 'RoleManagement.Read.Directory', 'User.Read.All', 'GroupMember.Read.All', 'AuditLog.Read.All', 'Organization.Read.All', 'LicenseAssignment.Read.All'
            Connect-TestTenant -Simulator $script:Simulator -Token $noMethods | Out-Null
            try {
                $prediction = Test-SsprAdminReset -UserId connor.confirmed@contoso.com

                $prediction.PredictedError | Should -Be 'SSPR_0014'
                $unconfirmed = $prediction.Findings | Where-Object Code -EQ 'RegistrationReportUnconfirmed'
                $unconfirmed.Severity | Should -Be 'Warning'
                $unconfirmed.Remediation | Should -BeLike '*UserAuthenticationMethod.Read.All*Privileged Authentication Administrator*'
                $unconfirmed.Evidence | Should -BeLike '*authentication methods unreadable (403 *'
            }
            finally {
                Connect-TestTenant -Simulator $script:Simulator | Out-Null
            }
        }
    }

    Context 'a report row that leaves a flag out' {
        It 'is unreadable, not false: Unknown with a finding naming isSsprRegistered' {
            $prediction = Test-SsprAdminReset -UserId nora.nullflag@contoso.com -SsprUserPolicy All

            $prediction.Outcome | Should -Be 'Unknown'
            $prediction.Findings.Code | Should -Not -Contain 'UserNotRegistered'
            $incomplete = $prediction.Findings | Where-Object Code -EQ 'RegistrationDetailsIncomplete'
            $incomplete.Message | Should -BeLike '*no value for isSsprRegistered (null)*'
            $incomplete.Evidence | Should -BeLike '*isSsprRegistered null*'
        }

        It 'reads no live methods for it: nothing certain to confirm' {
            Test-SsprAdminReset -UserId nora.nullflag@contoso.com -SsprUserPolicy All | Out-Null

            Get-MethodReads | Should -BeNullOrEmpty
        }
    }

    Context 'all administrators at once' {
        It 'confirms each report-based SSPR_0014 with one $batch of live reads' {
            $predictions = Test-SsprAdminReset -AllAdmins

            ($predictions | Where-Object UserPrincipalName -EQ 'stella.stale@contoso.com').Outcome | Should -Be 'Unknown'
            ($predictions | Where-Object UserPrincipalName -EQ 'connor.confirmed@contoso.com').PredictedError | Should -Be 'SSPR_0014'
            $reads = Get-MethodReads
            $reads.Count | Should -Be 2
            @($reads.batchId | Select-Object -Unique).Count | Should -Be 1
        }
    }
}
