Set-StrictMode -Version Latest

# Get-SsprResetActivity: self-service reset journeys read from GET /v1.0/auditLogs/directoryAudits (issue 16).
# Tenant: the simulator's "activity" scenario (journeys relative to its clock, P1/P2 retention of 30 days).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:Simulator = Start-SsprSimulator -SimulatorPath $script:SimulatorPath -Scenario activity
    Connect-TestTenant -Simulator $script:Simulator | Out-Null

    function Get-AuditReads {
        @((Get-SsprSimulatorJournal -Simulator $script:Simulator).entries | Where-Object { $_.path -like '*/auditLogs/directoryAudits*' })
    }
}
AfterAll {
    Disconnect-SsprGraph
    $script:Simulator | Stop-SsprSimulator
}

Describe 'Get-SsprResetActivity' {
    BeforeEach { Clear-SsprSimulatorJournal -Simulator $script:Simulator }

    It 'returns one typed attempt per journey of a user, newest first, with its steps' {
        $attempts = @(Get-SsprResetActivity -UserId alex.wilber@contoso.com)

        $attempts.Count | Should -Be 2
        $attempts[0] | Should -BeOfType ([SsprTools.Model.SsprResetAttempt])
        $attempts[0].StartedAt | Should -BeGreaterThan $attempts[1].StartedAt
        $attempts[0].Outcome | Should -Be 'Failed'
        $attempts[0].ErrorCode | Should -Be 'SSPR_0010'
        $attempts[0].Reason | Should -BeLike "User's password is managed on-premises*"
        $attempts[1].Outcome | Should -Be 'Blocked'
        $attempts[0].Steps.Count | Should -BeGreaterThan 1
        $attempts[0].Steps[0].Time | Should -BeLessOrEqual $attempts[0].Steps[-1].Time
        $attempts.CorrelationId | Select-Object -Unique | Should -HaveCount 2
    }

    It 'reads with the documented server-side filters, one filtered read per user' {
        Get-SsprResetActivity -UserId carla.cloud@contoso.com | Out-Null

        $reads = Get-AuditReads
        $reads.Count | Should -Be 1
        $query = [uri]::UnescapeDataString(($reads[0].path + '?' + $reads[0].query)) -replace '\+', ' '
        $query | Should -BeLike "*loggedByService eq 'Self-service Password Management'*"
        $query | Should -BeLike '*activityDateTime ge 20*T*Z*'
        $query | Should -BeLike "*targetResources/any(t: t/id eq '*')*"
    }

    It 'binds users piped by property name and gives nothing for a user without attempts' {
        $piped = [pscustomobject]@{ UserPrincipalName = 'carla.cloud@contoso.com' }, [pscustomobject]@{ Id = 'henry.helpdesk@contoso.com' }
        $attempts = @($piped | Get-SsprResetActivity -ErrorVariable errors)

        $errors | Should -BeNullOrEmpty
        $attempts.UserPrincipalName | Should -Be @('carla.cloud@contoso.com') # Henry's attempt is older than the 30 days kept
        $attempts[0].Outcome | Should -Be 'Succeeded'
    }

    It 'reports an unknown user as one error and goes on with the rest' {
        $attempts = @('nobody@contoso.com', 'grace.admin@contoso.com' | Get-SsprResetActivity -ErrorVariable errors -ErrorAction SilentlyContinue)

        $errors.Count | Should -Be 1
        $errors[0].TargetObject | Should -Be 'nobody@contoso.com'
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $attempts.ErrorCode | Should -Be @('SSPR_0009')
    }

    It '-All lists every journey in the window and leaves out admin resets and other services' {
        $attempts = @(Get-SsprResetActivity -All)

        $attempts.UserPrincipalName | Sort-Object -Unique | Should -Be @('alex.wilber@contoso.com', 'carla.cloud@contoso.com', 'gina.group@contoso.com', 'grace.admin@contoso.com', 'paul.pim@contoso.com')
        ($attempts | Where-Object UserPrincipalName -EQ 'paul.pim@contoso.com').Outcome | Should -Be 'Abandoned'
        $attempts.Steps.Activity | Should -Not -Contain 'Reset password (by admin)'
    }

    It '-Since narrows the window' {
        $attempts = @(Get-SsprResetActivity -All -Since ([DateTimeOffset]::UtcNow.AddDays(-5)))

        $attempts | ForEach-Object { $_.StartedAt | Should -BeGreaterThan ([DateTimeOffset]::UtcNow.AddDays(-5.01)) }
        $attempts.UserPrincipalName | Should -Not -Contain 'gina.group@contoso.com'
    }

    It 'stops with GraphPermissionDenied naming AuditLog.Read.All when the permission is missing' {
        $token = New-SsprSimulatorToken -Simulator $script:Simulator -Scopes 'User.Read.All'
        Connect-TestTenant -Simulator $script:Simulator -Token $token | Out-Null
        try {
            { Get-SsprResetActivity -All -ErrorAction Stop } | Should -Throw -ErrorId 'GraphPermissionDenied*'
            try { Get-SsprResetActivity -All -ErrorAction Stop } catch { $_.Exception.Message | Should -BeLike '*AuditLog.Read.All*' }
        }
        finally {
            Connect-TestTenant -Simulator $script:Simulator | Out-Null
        }
    }

    It 'shows a table view, newest first' {
        $text = Get-SsprResetActivity -UserId alex.wilber@contoso.com | Out-String -Width 200

        $text | Should -Match 'StartedAt\s+UserPrincipalName\s+Outcome\s+Error\s+Reason'
        $text.IndexOf('Failed') | Should -BeLessThan $text.IndexOf('Blocked')
    }
}

Describe 'Test-SsprAdminReset -IncludeActivity' {
    It 'sets LastAttempt and says the observed SSPR_0009 agrees with the predicted one' {
        $prediction = Test-SsprAdminReset -UserId grace.admin@contoso.com -PasswordWriteback Enabled -IncludeActivity

        $prediction.PredictedError | Should -Be 'SSPR_0009'
        $prediction.LastAttempt | Should -BeOfType ([SsprTools.Model.SsprResetAttempt])
        $prediction.LastAttempt.ErrorCode | Should -Be 'SSPR_0009'
        ($prediction.Findings | Where-Object Code -EQ 'ObservedAttemptAgrees').Evidence | Should -BeLike '*GET /v1.0/auditLogs/directoryAudits*'
    }

    It 'decides writeback from a synchronized user''s successful reset when it is not stated, saying it shows the past' {
        $simulator = Start-SsprSimulator -SimulatorPath $script:SimulatorPath -Scenario (Join-Path $PSScriptRoot 'scenarios/activity-writeback.json')
        try {
            Connect-TestTenant -Simulator $simulator | Out-Null
            $observed = Test-SsprAdminReset -UserId alex.wilber@contoso.com -IncludeActivity
            $without = Test-SsprAdminReset -UserId alex.wilber@contoso.com
            $stated = Test-SsprAdminReset -UserId alex.wilber@contoso.com -IncludeActivity -PasswordWriteback Disabled
        }
        finally {
            $simulator | Stop-SsprSimulator
            Connect-TestTenant -Simulator $script:Simulator | Out-Null
        }

        $observed.IsSynced | Should -BeTrue
        $observed.LastAttempt.Outcome | Should -Be 'Succeeded'
        $finding = $observed.Findings | Where-Object Code -EQ 'WritebackObservedWorking'
        $finding.Message | Should -BeLike '*shows the past, not now*'
        $finding.Evidence | Should -BeLike '*4a1b2c3d-0e1f-4a2b-8c3d-4e5f6a7b8c9d*'
        $observed.Findings.Code | Should -Not -Contain 'WritebackUnknown'
        $without.Findings.Code | Should -Contain 'WritebackUnknown'
        $stated.PredictedError | Should -Be 'SSPR_0010'
        $stated.Findings.Code | Should -Contain 'ObservedAttemptContradicts'
    }

    It 'has no LastAttempt for a user without attempts, and none at all without the switch' {
        (Test-SsprAdminReset -UserId henry.helpdesk@contoso.com -IncludeActivity).LastAttempt | Should -BeNullOrEmpty
        (Test-SsprAdminReset -UserId grace.admin@contoso.com).LastAttempt | Should -BeNullOrEmpty
        Clear-SsprSimulatorJournal -Simulator $script:Simulator
        Test-SsprAdminReset -UserId grace.admin@contoso.com | Out-Null
        Get-AuditReads | Should -BeNullOrEmpty
    }

    It 'still predicts, with one warning, when the audit log cannot be read' {
        $token = New-SsprSimulatorToken -Simulator $script:Simulator -Scopes 'Policy.Read.All', 'RoleManagement.Read.Directory', 'User.Read.All', 'GroupMember.Read.All', 'Organization.Read.All'
        Connect-TestTenant -Simulator $script:Simulator -Token $token | Out-Null
        try {
            $prediction = Test-SsprAdminReset -UserId grace.admin@contoso.com -IncludeActivity -WarningVariable warnings -WarningAction SilentlyContinue

            $prediction.PredictedError | Should -Be 'SSPR_0009'
            $prediction.LastAttempt | Should -BeNullOrEmpty
            @($warnings | Where-Object { "$_" -like '*-IncludeActivity*audit log could not be read*' }).Count | Should -Be 1
        }
        finally {
            Connect-TestTenant -Simulator $script:Simulator | Out-Null
        }
    }
}
