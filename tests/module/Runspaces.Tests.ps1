# Runspaces: one Connect-SsprGraph serves every runspace of the process (as Connect-MgGraph's process-wide context and
# Az's process-scoped context do), and a command keeps the connection it started with until it ends, whatever another
# runspace does meanwhile. A replaced or disconnected connection closes when the last command using it ends;
# Get-SsprConnection -Verbose tells how many such connections are still open (the engine counts them down only after
# disposing them). Interference between runspaces is fault-like, so those contexts are tagged 'Fault' for build.ps1 Reliability.
Set-StrictMode -Version Latest

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $simulator = Start-SsprSimulator -SimulatorPath $script:SimulatorPath -Scenario seed

    function Get-RetiredStillOpen {
        # What Get-SsprConnection -Verbose says about replaced or disconnected connections still open; 0 when it says nothing.
        $said = @(Get-SsprConnection -Verbose 4>&1 | Where-Object { $_ -is [Management.Automation.VerboseRecord] } |
            ForEach-Object { if ($_.Message -match '^(\d+) replaced or disconnected connection') { [int] $Matches[1] } })
        if ($said.Count -eq 0) { 0 } else { $said[0] }
    }

    function Get-GraphRequestCount($Target) {
        @((Get-SsprSimulatorJournal -Simulator $Target).entries | Where-Object path -Like '/v1.0/*').Count
    }

    function Start-HostedRun {
        <# Runs a script in a hosted runspace of this process (the module imported there, no Connect-SsprGraph of its own). #>
        param([Parameter(Mandatory)] [scriptblock] $Script, [object[]] $Arguments = @())
        $shell = [powershell]::Create()
        [void] $shell.AddScript({ param($module) Import-Module $module }).AddArgument($script:ModulePath)
        [void] $shell.AddStatement().AddScript($Script)
        foreach ($argument in $Arguments) { [void] $shell.AddArgument($argument) }
        [pscustomobject]@{ Shell = $shell; Pending = $shell.BeginInvoke() }
    }

    function Wait-GraphRequests($Target, $Run, [int] $Count) {
        # Until the run is visibly reading Graph, not after a guessed time.
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while (-not $Run.Pending.IsCompleted -and [DateTime]::UtcNow -lt $deadline -and (Get-GraphRequestCount $Target) -lt $Count) {
            Start-Sleep -Milliseconds 20
        }
        $Run.Pending.IsCompleted | Should -BeFalse -Because 'the run must still be reading Graph when the other runspace acts'
    }

    function Receive-HostedRun($Run) {
        try {
            $output = $Run.Shell.EndInvoke($Run.Pending)
            [pscustomobject]@{ Output = @($output); Errors = @($Run.Shell.Streams.Error); Failure = $null }
        }
        catch {
            [pscustomobject]@{ Output = @(); Errors = @($Run.Shell.Streams.Error); Failure = $_ }
        }
        finally {
            $Run.Shell.Dispose()
        }
    }

    function Get-Verdicts([object[]] $Predictions) {
        $Predictions | Sort-Object UserId | ForEach-Object { '{0} {1} {2}' -f $_.UserId, $_.Outcome, $_.PredictedError }
    }
}
AfterAll {
    Disconnect-SsprGraph
    $simulator | Stop-SsprSimulator
}

Describe 'One connection for every runspace of the process' {
    BeforeAll {
        Connect-TestTenant -Simulator $simulator | Out-Null
        $upns = 'grace.admin@contoso.com', 'henry.helpdesk@contoso.com', 'gina.group@contoso.com', 'alex.wilber@contoso.com'
        $expected = Get-Verdicts (Test-SsprAdminReset -UserId $upns -PasswordWriteback Enabled)
    }

    It 'serves ForEach-Object -Parallel after one Connect-SsprGraph' {
        $modulePath = $script:ModulePath
        $predictions = 0..3 | ForEach-Object -ThrottleLimit 4 -Parallel {
            Import-Module $using:modulePath
            Test-SsprAdminReset -UserId ($using:upns)[$_] -PasswordWriteback Enabled -ErrorAction Stop
        }
        @($predictions).Count | Should -Be 4
        Get-Verdicts $predictions | Should -Be $expected
    }

    It 'serves thread jobs' {
        $job = Start-ThreadJob -ScriptBlock {
            param($module, $upn)
            Import-Module $module
            (Get-SsprConnection).TenantId
            Test-SsprAdminReset -UserId $upn -PasswordWriteback Enabled -ErrorAction Stop | ForEach-Object Outcome
        } -ArgumentList $script:ModulePath, 'grace.admin@contoso.com'
        $result = $job | Wait-Job -Timeout 120 | Receive-Job
        $job | Remove-Job -Force
        $result | Should -Be $simulator.TenantId, 'Fails'
    }
}

Describe 'A run in one runspace while another reconnects or disconnects' -Tag 'Fault' {
    BeforeAll {
        $large = Start-SsprSimulator -SimulatorPath $script:SimulatorPath -Scenario large -ExtraArguments '--users', '10000', '--admins', '500'
        $headers = @{ Authorization = "Bearer $($large.Token)" }
        $ids = [Collections.Generic.List[string]]::new()
        $next = "$($large.BaseUrl)/v1.0/users?`$select=id&`$top=999"
        while ($next) {
            $page = Invoke-RestMethod -Uri $next -Headers $headers
            $page.value.id | ForEach-Object { $ids.Add($_) }
            $next = $page.'@odata.nextLink'
        }
        $ids = $ids.ToArray()
        Connect-TestTenant -Simulator $large | Out-Null
        $largeVerdicts = Get-Verdicts ($ids | Test-SsprAdminReset -PasswordWriteback Enabled)
        # Slow enough that the 10,000-user run takes seconds, so the other runspace acts while it reads Graph.
        Set-SsprSimulatorFault -Simulator $large -Settings @{ latencyMs = 150 }

        function Start-LargeRun {
            Clear-SsprSimulatorJournal -Simulator $large
            $run = Start-HostedRun -Script { param($users) $users | Test-SsprAdminReset -PasswordWriteback Enabled } -Arguments (, $ids)
            Wait-GraphRequests $large $run 8
            $run
        }
    }
    AfterAll {
        $large | Stop-SsprSimulator
    }
    BeforeEach {
        Connect-TestTenant -Simulator $large | Out-Null
        Get-RetiredStillOpen | Should -Be 0
    }

    It 'finishes a 10,000-user run with the right verdicts on its own connection while another runspace connects elsewhere' {
        $ids.Count | Should -Be 10000
        $run = Start-LargeRun

        $said = Connect-TestTenant -Simulator $simulator -Verbose 4>&1 | Where-Object { $_ -is [Management.Automation.VerboseRecord] }
        $stillOpen = Get-RetiredStillOpen
        $result = Receive-HostedRun $run

        $result.Failure | Should -BeNullOrEmpty
        $result.Errors | Should -BeNullOrEmpty -Because 'no ObjectDisposedException, no error at all'
        Get-Verdicts $result.Output | Should -Be $largeVerdicts
        ($said.Message -join "`n") | Should -Match 'previous connection stays open until the 1 running command'
        $stillOpen | Should -Be 1
        Get-RetiredStillOpen | Should -Be 0 -Because 'the replaced connection is disposed once the run that used it has ended'
        (Get-SsprConnection).GraphEndpoint | Should -Be $simulator.BaseUrl
    }

    It 'finishes the run when another runspace disconnects, then the connection closes' {
        $run = Start-LargeRun

        $said = Disconnect-SsprGraph -Verbose 4>&1 | Where-Object { $_ -is [Management.Automation.VerboseRecord] }
        $stillOpen = Get-RetiredStillOpen
        $result = Receive-HostedRun $run

        $result.Failure | Should -BeNullOrEmpty
        $result.Errors | Should -BeNullOrEmpty
        Get-Verdicts $result.Output | Should -Be $largeVerdicts
        ($said.Message -join "`n") | Should -Match 'closes when the 1 running command'
        $stillOpen | Should -Be 1
        Get-RetiredStillOpen | Should -Be 0
        Get-SsprConnection | Should -BeNullOrEmpty
        { Get-SsprAdminPolicy } | Should -Throw -ErrorId 'NotConnected,SsprTools.Commands.GetSsprAdminPolicyCommand'
    }

    It 'closes the replaced connection when the run using it is stopped (Ctrl+C)' {
        $run = Start-LargeRun
        Connect-TestTenant -Simulator $simulator | Out-Null
        Get-RetiredStillOpen | Should -Be 1

        $run.Shell.Stop()
        $result = Receive-HostedRun $run

        $run.Pending.IsCompleted | Should -BeTrue
        Get-RetiredStillOpen | Should -Be 0
    }

    It 'closes the replaced connection when the run using it ends with a terminating error' {
        # The run's token expires mid-run (Graph answers 401: GraphUnauthorized ends the command); the new connection is another tenant's.
        $shortLived = New-SsprSimulatorToken -Simulator $large -Scopes 'Policy.Read.All', 'RoleManagement.Read.Directory', 'User.Read.All', 'GroupMember.Read.All', 'AuditLog.Read.All' -LifetimeSeconds 4
        Connect-TestTenant -Simulator $large -Token $shortLived | Out-Null
        $run = Start-LargeRun
        Connect-TestTenant -Simulator $simulator | Out-Null
        Get-RetiredStillOpen | Should -Be 1

        $result = Receive-HostedRun $run

        $errorIds = @($result.Errors.FullyQualifiedErrorId) + @(
            for ($e = $result.Failure.Exception; $e; $e = $e.InnerException) { if ($e -is [Management.Automation.IContainsErrorRecord]) { $e.ErrorRecord.FullyQualifiedErrorId } })
        $errorIds -match '^GraphUnauthorized,' | Should -Not -BeNullOrEmpty -Because "the run ends with GraphUnauthorized (got: $errorIds)"
        Get-RetiredStillOpen | Should -Be 0
    }
}

Describe 'A warning the caller made terminating (-WarningAction Stop)' -Tag 'Fault' {
    BeforeAll {
        # Without GroupMember.Read.All the members of a role-assignable group are unreadable, which the engine reports
        # as a warning ("Some administrators may be missing") before it goes on to read users and registrations.
        $noGroupMembers = New-SsprSimulatorToken -Simulator $simulator -Scopes 'Policy.Read.All', 'RoleManagement.Read.Directory', 'User.Read.All', 'AuditLog.Read.All'
        Connect-TestTenant -Simulator $simulator -Token $noGroupMembers | Out-Null
    }
    AfterAll {
        Set-SsprSimulatorFault -Simulator $simulator -Settings @{}
        Connect-TestTenant -Simulator $simulator | Out-Null
    }

    It 'stops the run: no Graph request after the command has stopped' {
        Set-SsprSimulatorFault -Simulator $simulator -Settings @{ latencyMs = 300 }
        Clear-SsprSimulatorJournal -Simulator $simulator

        $err = $null
        try { Test-SsprAdminReset -AllAdmins -WarningAction Stop | Out-Null } catch { $err = $_ }
        $atStop = Get-GraphRequestCount $simulator
        Start-Sleep -Seconds 2
        $later = Get-GraphRequestCount $simulator

        $err.FullyQualifiedErrorId | Should -Match '^ActionPreferenceStop'
        $later | Should -Be $atStop -Because 'the engine task is cancelled, not left reading Graph'
        @((Get-SsprSimulatorJournal -Simulator $simulator).entries | Where-Object path -Like '/v1.0/reports/*').Count | Should -Be 0
    }
}
