BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $simulator = Start-SsprSimulator -SimulatorPath $script:SimulatorPath -Scenario seed
    Connect-TestTenant -Simulator $simulator | Out-Null
}
AfterAll {
    Disconnect-SsprGraph
    $simulator | Stop-SsprSimulator
}

Describe 'Get-SsprAdminPolicy' {
    Context 'tenant switch off (seed)' {
        It 'reads allowedToUseSSPR as false with where and when it was read' {
            $policy = Get-SsprAdminPolicy
            $policy.AllowedToUseSspr | Should -BeFalse
            $policy.TenantId | Should -Be $simulator.TenantId
            $policy.Source | Should -Be "GET $($simulator.BaseUrl)/v1.0/policies/authorizationPolicy"
            $policy.RetrievedAt | Should -BeGreaterThan ([DateTimeOffset]::UtcNow.AddMinutes(-1))
        }

        It 'tells -Verbose which Graph call it made' {
            $verbose = Get-SsprAdminPolicy -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
            ($verbose.Message -join "`n") | Should -Match 'Graph GET /v1\.0/policies/authorizationPolicy.* -> 200'
        }
    }
}

Describe 'Enable-SsprForAdmins' -Tag 'Write' {
    Context 'tenant switch off' {
        BeforeEach { Clear-SsprSimulatorJournal -Simulator $simulator }

        It 'sends no write with -WhatIf' {
            Enable-SsprForAdmins -WhatIf | Should -BeNullOrEmpty
            Get-TestWrites -Simulator $simulator | Should -BeNullOrEmpty
            (Get-SsprAdminPolicy).AllowedToUseSspr | Should -BeFalse
        }

        It 'sends no write with -WhatIf even with -Force' {
            Enable-SsprForAdmins -WhatIf -Force | Out-Null
            Get-TestWrites -Simulator $simulator | Should -BeNullOrEmpty
        }

        It 'turns the switch on, PATCHing only allowedToUseSSPR, and verifies it by reading back' {
            $change = Enable-SsprForAdmins -Confirm:$false
            $change.Setting | Should -Be 'allowedToUseSSPR'
            $change.Before | Should -BeFalse
            $change.After | Should -BeTrue
            $change.Changed | Should -BeTrue
            $change.Verified | Should -BeTrue

            $writes = Get-TestWrites -Simulator $simulator
            $writes.Count | Should -Be 1
            $writes[0].method | Should -Be 'PATCH'
            $writes[0].path | Should -Be '/v1.0/policies/authorizationPolicy'
            $writes[0].status | Should -Be 204
            $writes[0].body.PSObject.Properties.Name | Should -Be @('allowedToUseSSPR')
            $writes[0].body.allowedToUseSSPR | Should -BeTrue
            (Get-SsprAdminPolicy).AllowedToUseSspr | Should -BeTrue
        }
    }

    Context 'tenant switch already on' {
        BeforeEach { Clear-SsprSimulatorJournal -Simulator $simulator }

        It 'is idempotent: no write, Changed is false' {
            $change = Enable-SsprForAdmins -Confirm:$false
            $change.Changed | Should -BeFalse
            $change.Before | Should -BeTrue
            $change.After | Should -BeTrue
            Get-TestWrites -Simulator $simulator | Should -BeNullOrEmpty
        }
    }
}

Describe 'Disable-SsprForAdmins' -Tag 'Write' {
    BeforeEach { Clear-SsprSimulatorJournal -Simulator $simulator }

    It 'turns the switch off with -Force and no prompt' {
        (Get-SsprAdminPolicy).AllowedToUseSspr | Should -BeTrue
        $change = Disable-SsprForAdmins -Force
        $change.Changed | Should -BeTrue
        $change.After | Should -BeFalse
        (Get-TestWrites -Simulator $simulator).Count | Should -Be 1
    }

    It 'is idempotent when already off' {
        (Disable-SsprForAdmins -Force).Changed | Should -BeFalse
        Get-TestWrites -Simulator $simulator | Should -BeNullOrEmpty
    }
}

Describe 'Changing the switch when Graph is slow to show it' {
    BeforeAll { Set-SsprSimulatorFault -Simulator $simulator -Settings @{ patchVisibilityDelayMs = 60000 } }
    AfterAll { Set-SsprSimulatorFault -Simulator $simulator -Settings @{ patchVisibilityDelayMs = 0 } }

    It 'reports Verified = $false with a warning after a bounded read-back' {
        $started = [DateTime]::UtcNow
        $change = Enable-SsprForAdmins -Force -VerifyTimeoutSeconds 2 -WarningVariable warnings -WarningAction SilentlyContinue
        $change.Changed | Should -BeTrue
        $change.Verified | Should -BeFalse
        ($warnings -join ' ') | Should -Match '60 minutes'
        ([DateTime]::UtcNow - $started).TotalSeconds | Should -BeLessThan 30
    }
}

Describe 'Changing the switch without permission to write' {
    BeforeAll {
        $readOnly = New-SsprSimulatorToken -Simulator $simulator -Scopes 'Policy.Read.All'
        Connect-TestTenant -Simulator $simulator -Token $readOnly | Out-Null
    }
    AfterAll { Connect-TestTenant -Simulator $simulator | Out-Null }

    It 'fails with PermissionDenied naming Policy.ReadWrite.Authorization and the role' {
        $desired = -not (Get-SsprAdminPolicy).AllowedToUseSspr
        try {
            if ($desired) { Enable-SsprForAdmins -Force } else { Disable-SsprForAdmins -Force }
        } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Match '^GraphPermissionDenied,'
        $err.CategoryInfo.Category | Should -Be 'PermissionDenied'
        $err.Exception.Message | Should -Match 'Policy\.ReadWrite\.Authorization'
        $err.Exception.Message | Should -Match 'Privileged Role Administrator'
    }
}

Describe 'Secrets' -Tag 'Secret' {
    It 'never shows the token in any stream or transcript, even with -Verbose -Debug' {
        $transcript = Join-Path ([IO.Path]::GetTempPath()) ("sspr-transcript-{0}.txt" -f [guid]::NewGuid().ToString('n'))
        Start-Transcript -LiteralPath $transcript | Out-Null
        try {
            $streams = & {
                Connect-TestTenant -Simulator $simulator -Verbose -Debug
                Get-SsprConnection -Verbose -Debug | Format-List *
                Get-SsprAdminPolicy -Verbose -Debug
                Enable-SsprForAdmins -Force -Verbose -Debug
                Disable-SsprForAdmins -Force -Verbose -Debug
                Get-SsprAdmin -IncludeEligible -Verbose -Debug
                Test-SsprAdminReset -AllAdmins -Verbose -Debug | Format-List *
                'nobody@contoso.com', 'not-a-user' | Test-SsprAdminReset -Verbose -Debug -ErrorAction Continue
                try { Connect-SsprGraph -GraphEndpoint 'http://10.9.9.9' -AccessToken (ConvertTo-TestSecureString $simulator.Token) -Verbose -Debug } catch { $_; $_.Exception.ToString() }
                $Error | ForEach-Object { $_.Exception.ToString() }
            } *>&1 | Out-String -Width 400
        }
        finally {
            Stop-Transcript | Out-Null
        }
        $payload = $simulator.Token.Split('.')[1]
        $streams | Should -Match 'Graph PATCH /v1\.0/policies/authorizationPolicy'
        $streams | Should -Not -Match ([regex]::Escape($payload))
        Get-Content -Raw -LiteralPath $transcript | Should -Not -Match ([regex]::Escape($payload))
        Remove-Item -LiteralPath $transcript
    }
}
