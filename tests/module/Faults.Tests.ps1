# Fault suite: every run either completes with the verdicts of a fault-free run or stops with a
# clear error; nothing hangs and nothing is written by accident. Tagged 'Fault' for build.ps1 Reliability.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $simulator = Start-SsprSimulator -SimulatorPath $script:SimulatorPath -Scenario seed
    Connect-TestTenant -Simulator $simulator | Out-Null

    function Get-Verdicts {
        Test-SsprAdminReset -AllAdmins -IncludeEligible -PasswordWriteback Enabled |
            Sort-Object UserId | ForEach-Object { '{0} {1} {2}' -f $_.UserId, $_.Outcome, $_.PredictedError }
    }

    function Invoke-WithFault([hashtable] $Fault, [scriptblock] $Action) {
        Set-SsprSimulatorFault -Simulator $simulator -Settings $Fault
        try { & $Action } finally { Set-SsprSimulatorFault -Simulator $simulator -Settings @{} }
    }

    $script:Baseline = Get-Verdicts
}
AfterAll {
    Disconnect-SsprGraph
    $simulator | Stop-SsprSimulator
}

Describe 'Test-SsprAdminReset under injected faults' -Tag 'Fault' {
    BeforeEach { Clear-SsprSimulatorJournal -Simulator $simulator }

    It 'gives the same verdicts with <Name>' -TestCases @(
        @{ Name = 'latency spikes of 300 ms'; Fault = @{ latencyMs = 300 } }
        @{ Name = 'a 429 storm with Retry-After'; Fault = @{ throttleRate = 0.4; retryAfterSeconds = 1; seed = 3 } }
        @{ Name = 'a 429 storm without Retry-After'; Fault = @{ throttleRate = 0.4; omitRetryAfter = $true; seed = 4 } }
        @{ Name = '503 and 504 answers'; Fault = @{ serverErrorRate = 0.3; seed = 5 } }
        @{ Name = 'dropped connections'; Fault = @{ dropRate = 0.2; seed = 6 } }
        @{ Name = 'answers cut off midway (truncated JSON)'; Fault = @{ truncateRate = 0.2; seed = 8 } }
    ) {
        $verdicts = Invoke-WithFault $Fault { Get-Verdicts }
        $verdicts | Should -Be $script:Baseline
        (Get-SsprSimulatorJournal -Simulator $simulator).writes | Should -Be 0
    }

    It 'stops with a clear LimitsExceeded error when Graph never stops throttling' {
        $stopped = Invoke-WithFault @{ throttleRate = 1.0; retryAfterSeconds = 1 } {
            $job = Start-ThreadJob -ScriptBlock {
                param($module, $url, $token)
                Import-Module $module
                try { Get-SsprAdminPolicy -ErrorAction Stop; 'completed' } catch { $_.FullyQualifiedErrorId + '|' + $_.CategoryInfo.Category }
            } -ArgumentList $script:ModulePath, $simulator.BaseUrl, $simulator.Token
            $job | Wait-Job -Timeout 240 | Receive-Job
            $job | Remove-Job -Force
        }
        $stopped | Should -Match '^GraphThrottled,.*\|LimitsExceeded$'
    }

    It 'stops with GraphResponseMalformed when Graph never answers complete JSON' {
        $err = Invoke-WithFault @{ truncateRate = 1.0 } {
            try { Get-SsprAdminPolicy; $null } catch { $_ }
        }
        $err.FullyQualifiedErrorId | Should -Be 'GraphResponseMalformed,SsprTools.Commands.GetSsprAdminPolicyCommand'
        $err.CategoryInfo.Category | Should -Be 'ProtocolError'
    }

    It 'stops with an AuthenticationError when the token expires mid-run' {
        $shortLived = New-SsprSimulatorToken -Simulator $simulator -Scopes 'Policy.Read.All', 'RoleManagement.Read.Directory', 'User.Read.All', 'GroupMember.Read.All', 'AuditLog.Read.All' -LifetimeSeconds 4
        # exp is in whole seconds, so the token lives up to a second less than asked: room to connect, then outwait it.
        $connection = Connect-TestTenant -Simulator $simulator -Token $shortLived
        try {
            $connection.TokenExpiresOn | Should -Not -BeNullOrEmpty
            Start-Sleep -Milliseconds ([Math]::Max(0, ($connection.TokenExpiresOn - [DateTimeOffset]::UtcNow).TotalMilliseconds + 1100))
            try { Test-SsprAdminReset -AllAdmins -ErrorAction Stop } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -Match '^GraphUnauthorized,'
            $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
            $err.ErrorDetails.RecommendedAction | Should -Match 'Connect-SsprGraph'
        }
        finally {
            Connect-TestTenant -Simulator $simulator | Out-Null
        }
    }

    It 'reports a change that is slow to become visible as Verified = $false, within the bound' {
        $change = Invoke-WithFault @{ patchVisibilityDelayMs = 60000 } {
            Enable-SsprForAdmins -Force -VerifyTimeoutSeconds 2 -WarningAction SilentlyContinue
        }
        $change.Verified | Should -BeFalse
        @((Get-SsprSimulatorJournal -Simulator $simulator).entries | Where-Object method -EQ 'PATCH').Count | Should -Be 1
        Disable-SsprForAdmins -Force | Out-Null
    }

    It 'stops at once on Ctrl+C in the middle of a 10,000-user run, with no write' {
        $large = Start-SsprSimulator -SimulatorPath $script:SimulatorPath -Scenario large -ExtraArguments '--users', '10000', '--admins', '500', '--latency-ms', '20'
        $shell = [powershell]::Create()
        try {
            $headers = @{ Authorization = "Bearer $($large.Token)" }
            $ids = [Collections.Generic.List[string]]::new()
            $next = "$($large.BaseUrl)/v1.0/users?`$select=id&`$top=999"
            while ($next) {
                $page = Invoke-RestMethod -Uri $next -Headers $headers
                $page.value.id | ForEach-Object { $ids.Add($_) }
                $next = $page.'@odata.nextLink'
            }
            $ids.Count | Should -Be 10000
            Clear-SsprSimulatorJournal -Simulator $large

            [void] $shell.AddScript({
                param($module, $url, $token, $users)
                Import-Module $module
                Connect-SsprGraph -GraphEndpoint $url -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) | Out-Null
                $users | Test-SsprAdminReset -PasswordWriteback Enabled
            }).AddArgument($script:ModulePath).AddArgument($large.BaseUrl).AddArgument($large.Token).AddArgument($ids.ToArray())
            $pending = $shell.BeginInvoke()
            # Ctrl+C once the run is reading the tenant (15 of its about 45 requests are in the journal), not after a guessed time.
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while (-not $pending.IsCompleted -and [DateTime]::UtcNow -lt $deadline -and
                @((Get-SsprSimulatorJournal -Simulator $large).entries | Where-Object path -Like '/v1.0/*').Count -lt 15) {
                Start-Sleep -Milliseconds 50
            }
            $pending.IsCompleted | Should -BeFalse -Because 'the run must still be going when Ctrl+C comes'
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $shell.Stop()
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 5
            $pending.IsCompleted | Should -BeTrue
            (Get-SsprSimulatorJournal -Simulator $large).writes | Should -Be 0
        }
        finally {
            $shell.Dispose()
            $large | Stop-SsprSimulator
            Connect-TestTenant -Simulator $simulator | Out-Null
        }
    }
}

Describe 'Read-only commands and -WhatIf never write' -Tag 'Write' {
    BeforeAll { Clear-SsprSimulatorJournal -Simulator $simulator }

    It 'sends no write for reads, predictions and -WhatIf' {
        Get-SsprAdminPolicy | Out-Null
        Get-SsprAdmin -IncludeEligible | Out-Null
        Test-SsprAdminReset -AllAdmins | Out-Null
        'grace.admin@contoso.com' | Test-SsprAdminReset | Out-Null
        Enable-SsprForAdmins -WhatIf
        Disable-SsprForAdmins -WhatIf
        (Get-SsprSimulatorJournal -Simulator $simulator).writes | Should -Be 0
    }

    It 'sends no write when confirmation cannot be given (non-interactive, -Confirm)' {
        $result = Invoke-FreshPwsh -Environment @{ SSPR_MODULE = $script:ModulePath; SSPR_URL = $simulator.BaseUrl; SSPR_TOKEN = $simulator.Token } -Script @'
Import-Module $env:SSPR_MODULE
Connect-SsprGraph -GraphEndpoint $env:SSPR_URL -AccessToken (ConvertTo-SecureString $env:SSPR_TOKEN -AsPlainText -Force) | Out-Null
try { Enable-SsprForAdmins -Confirm; $outcome = 'ran' } catch { $outcome = $_.FullyQualifiedErrorId }
@{ Outcome = $outcome } | ConvertTo-Json
'@
        $result.Outcome | Should -Not -Be 'ran'
        (Get-SsprSimulatorJournal -Simulator $simulator).writes | Should -Be 0
    }
}
