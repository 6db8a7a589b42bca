# The bad-input matrix (issue 14): one It per kind of bad input, each asserting the ErrorId (the start of
# FullyQualifiedErrorId), the ErrorCategory and the TargetObject (the offending input itself), and, for pipeline
# input, that the good items after the bad one still give output. build.ps1 Reliability counts these.
# Not here: -Since-style dates in the future; that parameter comes with issue 16.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $simulator = Start-SsprSimulator -SimulatorPath $script:SimulatorPath -Scenario seed
    Connect-TestTenant -Simulator $simulator | Out-Null
    $script:Good = 'henry.helpdesk@contoso.com'

    function Assert-ErrorRecord {
        param([Parameter(Mandatory)] $Record, [Parameter(Mandatory)] [string] $ErrorId, [Parameter(Mandatory)] [string] $Category)
        $Record.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $Record.CategoryInfo.Category | Should -Be $Category
    }

    function New-ScenarioFile([string] $Json) {
        $path = Join-Path ([IO.Path]::GetTempPath()) ("sspr-shape-{0}.json" -f [guid]::NewGuid().ToString('n'))
        Set-Content -LiteralPath $path -Value $Json
        $path
    }
}
AfterAll {
    Disconnect-SsprGraph
    $simulator | Stop-SsprSimulator
}

Describe 'Bad input: the whole matrix' -Tag 'BadInput' {
    Context 'user principal names Test-SsprAdminReset refuses before Graph' {
        It 'refuses <Kind> as UserIdInvalid with the input as target, and goes on' -ForEach @(
            @{ Kind = 'a raw control character'; Bad = "grace`u{0007}.admin@contoso.com" }
            @{ Kind = 'a UPN over 113 characters'; Bad = ('x' * 102) + '@contoso.com' }
            @{ Kind = 'an empty string'; Bad = '' }
            @{ Kind = 'whitespace'; Bad = " `t " }
        ) {
            $results = $Bad, $script:Good | Test-SsprAdminReset -ErrorVariable failures -ErrorAction SilentlyContinue
            $results.UserPrincipalName | Should -Be $script:Good
            $failures.Count | Should -Be 1
            Assert-ErrorRecord $failures[0] 'UserIdInvalid' 'InvalidArgument'
            $failures[0].TargetObject | Should -BeExactly $Bad
            # The message shows control characters escaped, so input cannot drive the terminal.
            $failures[0].Exception.Message | Should -Not -Match '[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]'
        }

        It 'reports a #EXT# UPN that does not exist as UserNotFound with that UPN as target' {
            $guest = 'nobody_fabrikam.com#EXT#@contoso.onmicrosoft.com'
            $results = $guest, $script:Good | Test-SsprAdminReset -ErrorVariable failures -ErrorAction SilentlyContinue
            $results.UserPrincipalName | Should -Be $script:Good
            Assert-ErrorRecord $failures[0] 'UserNotFound' 'ObjectNotFound'
            $failures[0].TargetObject | Should -BeExactly $guest
        }
    }

    Context '$null and empty arrays through the pipeline' {
        It 'reports $null piped alone as UserIdMissing with $null as target' {
            $results = $null | Test-SsprAdminReset -ErrorVariable failures -ErrorAction SilentlyContinue
            $results | Should -BeNullOrEmpty
            $failures.Count | Should -Be 1
            Assert-ErrorRecord $failures[0] 'UserIdMissing' 'InvalidArgument'
            $failures[0].TargetObject | Should -BeNullOrEmpty
        }

        It 'does nothing for an empty array: no output, no error, no user looked up' {
            Clear-SsprSimulatorJournal -Simulator $simulator
            $results = @() | Test-SsprAdminReset -ErrorVariable failures -ErrorAction SilentlyContinue
            $results | Should -BeNullOrEmpty
            $failures.Count | Should -Be 0
            @((Get-SsprSimulatorJournal -Simulator $simulator).entries | Where-Object { $_.path -match '/users' }).Count | Should -Be 0
        }

        It 'reports the $null in @($null, good) and predicts the good one' {
            $results = @($null, $script:Good) | Test-SsprAdminReset -ErrorVariable failures -ErrorAction SilentlyContinue
            $results.UserPrincipalName | Should -Be $script:Good
            $failures.Count | Should -Be 1
            Assert-ErrorRecord $failures[0] 'UserIdMissing' 'InvalidArgument'
            $failures[0].TargetObject | Should -BeNullOrEmpty
        }
    }

    Context 'objects whose id cannot name one user' {
        It 'refuses <Kind> as <ErrorId> with the object itself as target, and goes on' -ForEach @(
            @{ Kind = 'an object whose Id is an array'; ErrorId = 'UserIdInvalid'; Make = { [pscustomobject]@{ Id = @('grace.admin@contoso.com', 'henry.helpdesk@contoso.com') } } }
            @{ Kind = 'an object whose Id is a number'; ErrorId = 'UserIdInvalid'; Make = { [pscustomobject]@{ Id = 42 } } }
            @{ Kind = 'an object whose Id is $null'; ErrorId = 'UserIdMissing'; Make = { [pscustomobject]@{ Id = $null; DisplayName = 'Nobody' } } }
            @{ Kind = 'an object with no usable property'; ErrorId = 'UserIdMissing'; Make = { [pscustomobject]@{ Name = 'grace'; Mail = 'grace@contoso.com' } } }
            @{ Kind = 'a hashtable (its keys do not bind)'; ErrorId = 'UserIdMissing'; Make = { @{ UserPrincipalName = 'grace.admin@contoso.com' } } }
        ) {
            $bad = & $Make
            $results = $bad, $script:Good | Test-SsprAdminReset -ErrorVariable failures -ErrorAction SilentlyContinue
            $results.UserPrincipalName | Should -Be $script:Good
            $failures.Count | Should -Be 1
            Assert-ErrorRecord $failures[0] $ErrorId 'InvalidArgument'
            [object]::ReferenceEquals(([psobject]$failures[0].TargetObject).psobject.BaseObject, ([psobject]$bad).psobject.BaseObject) | Should -BeTrue
        }

        It 'refuses a bare number as UserIdInvalid with the number as target' {
            $results = 42, $script:Good | Test-SsprAdminReset -ErrorVariable failures -ErrorAction SilentlyContinue
            $results.UserPrincipalName | Should -Be $script:Good
            Assert-ErrorRecord $failures[0] 'UserIdInvalid' 'InvalidArgument'
            $failures[0].TargetObject | Should -BeOfType [int]
            $failures[0].TargetObject | Should -Be 42
        }
    }

    Context 'a huge pipeline of duplicates' {
        It 'predicts 10,000 copies of one UPN once, warns once and reads Graph no more than for one copy' {
            # docs/cmdlets/Test-SsprAdminReset.md: a user given twice is predicted once, with a warning.
            Clear-SsprSimulatorJournal -Simulator $simulator
            $script:Good | Test-SsprAdminReset | Out-Null
            $requestsForOne = (Get-SsprSimulatorJournal -Simulator $simulator).count
            Clear-SsprSimulatorJournal -Simulator $simulator

            $results = @($script:Good) * 10000 | Test-SsprAdminReset -WarningVariable warnings -WarningAction SilentlyContinue
            @($results).Count | Should -Be 1
            @($warnings).Count | Should -Be 1
            $warnings[0] | Should -Match 'more than once'
            (Get-SsprSimulatorJournal -Simulator $simulator).count | Should -BeLessOrEqual $requestsForOne
        }
    }

    Context 'what Export-SsprReport is given' {
        BeforeAll {
            $script:Prediction = Test-SsprAdminReset -UserId $script:Good
            $script:Clixml = Join-Path $TestDrive 'process.clixml'
            Get-Process -Id $PID | Export-Clixml -LiteralPath $script:Clixml -Depth 1
        }

        It 'refuses <Kind> as ReportInputInvalid with the object as target, and reports the rest' -ForEach @(
            @{ Kind = 'a Clixml file of Get-Process output'; Make = { Import-Clixml -LiteralPath $script:Clixml } }
            @{ Kind = "a PSCustomObject without the prediction's properties"; Make = { [pscustomobject]@{ User = 'grace'; Result = 'ok' } } }
            @{ Kind = '$null'; Make = { $null } }
        ) {
            $bad = & $Make
            $path = Join-Path $TestDrive ("bad-{0}.html" -f [guid]::NewGuid().ToString('n'))
            $bad, $script:Prediction | Export-SsprReport -Path $path -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures.Count | Should -Be 1
            Assert-ErrorRecord $failures[0] 'ReportInputInvalid' 'InvalidArgument'
            if ($null -eq $bad) {
                $failures[0].TargetObject | Should -BeNullOrEmpty
            }
            else {
                [object]::ReferenceEquals(([psobject]$failures[0].TargetObject).psobject.BaseObject, ([psobject]$bad).psobject.BaseObject) | Should -BeTrue
            }
            Get-Content -Raw -LiteralPath $path | Should -Match ([regex]::Escape($script:Good))
        }
    }

    Context 'report paths' {
        It 'stops with ReportWriteFailed for a folder nothing can be written to, the path as target' -Skip:(-not $IsLinux) {
            # /proc refuses new files even to root, so the test holds whoever runs it.
            { $script:Prediction | Export-SsprReport -Path '/proc/sspr-report.html' } |
                Should -Throw -ErrorId 'ReportWriteFailed,SsprTools.Commands.ExportSsprReportCommand'
            try { $script:Prediction | Export-SsprReport -Path '/proc/sspr-report.html' } catch { $err = $_ }
            $err.CategoryInfo.Category | Should -Be 'WriteError'
            $err.TargetObject | Should -Be '/proc/sspr-report.html'
        }

        It 'stops with ReportDirectoryNotFound for a folder that does not exist' {
            $path = Join-Path $TestDrive 'no-such-folder/report.html'
            try { $script:Prediction | Export-SsprReport -Path $path } catch { $err = $_ }
            Assert-ErrorRecord $err 'ReportDirectoryNotFound' 'ObjectNotFound'
            $err.TargetObject | Should -Be $path
            Test-Path -LiteralPath $path | Should -BeFalse
        }

        It 'refuses an existing report with -NoClobber as ReportFileExists and leaves it as it was' {
            $path = Join-Path $TestDrive 'existing.html'
            Set-Content -LiteralPath $path -Value 'earlier report'
            try { $script:Prediction | Export-SsprReport -Path $path -NoClobber } catch { $err = $_ }
            Assert-ErrorRecord $err 'ReportFileExists' 'ResourceExists'
            $err.TargetObject | Should -Be $path
            Get-Content -Raw -LiteralPath $path | Should -Match '^earlier report'
        }

        It 'refuses an existing read-only report without -Force as ReportFileReadOnly; -Force replaces it' {
            # The contract is Out-File's: an existing file is replaced, -NoClobber refuses, -Force is for read-only files.
            $path = Join-Path $TestDrive 'read-only.html'
            Set-Content -LiteralPath $path -Value 'earlier report'
            Set-ItemProperty -LiteralPath $path -Name IsReadOnly -Value $true
            try { $script:Prediction | Export-SsprReport -Path $path } catch { $err = $_ }
            Assert-ErrorRecord $err 'ReportFileReadOnly' 'PermissionDenied'
            $err.TargetObject | Should -Be $path
            Get-Content -Raw -LiteralPath $path | Should -Match '^earlier report'
            $script:Prediction | Export-SsprReport -Path $path -Force
            Get-Content -Raw -LiteralPath $path | Should -Match ([regex]::Escape($script:Good))
        }
    }

    Context 'scenario files of the wrong shape (the simulator launcher)' {
        It 'refuses <Kind> with ScenarioInvalid naming the problem' -ForEach @(
            @{ Kind = 'a JSON array'; Json = '[]'; Named = 'not an array' }
            @{ Kind = 'a number where the user list belongs'; Json = '{ "name": "shape", "users": 5 }'; Named = '$.users' }
            @{ Kind = 'a user of the wrong type'; Json = '{ "name": "shape", "users": [ { "userPrincipalName": "a@contoso.com", "accountEnabled": "yes" } ] }'; Named = 'accountEnabled' }
        ) {
            $file = New-ScenarioFile $Json
            try {
                try { Start-SsprSimulator -SimulatorPath $script:SimulatorPath -Scenario $file -TimeoutSeconds 30 } catch { $err = $_ }
                Assert-ErrorRecord $err 'ScenarioInvalid' 'InvalidData'
                $err.TargetObject | Should -Be $file
                $err.Exception.Message | Should -Match 'wrong shape'
                $err.Exception.Message | Should -Match ([regex]::Escape($Named))
            }
            finally {
                Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue
            }
        }
    }

    Context 'Connect-SsprGraph inputs' {
        AfterAll { Connect-TestTenant -Simulator $simulator | Out-Null }

        It 'refuses a -GraphEndpoint with <Kind> as GraphEndpointInvalid' -ForEach @(
            @{ Kind = 'a path other than the service root'; Endpoint = 'https://graph.microsoft.com/users' }
            @{ Kind = 'a query'; Endpoint = 'https://graph.microsoft.com/?tenant=contoso' }
            @{ Kind = 'a fragment'; Endpoint = 'https://graph.microsoft.com/#v1.0' }
            @{ Kind = 'a relative URI'; Endpoint = 'graph.microsoft.com/v1.0' }
        ) {
            try { Connect-SsprGraph -GraphEndpoint $Endpoint -AccessToken (ConvertTo-TestSecureString $simulator.Token) } catch { $err = $_ }
            Assert-ErrorRecord $err 'GraphEndpointInvalid' 'InvalidArgument'
            $err.TargetObject.OriginalString | Should -Be $Endpoint
        }

        It 'refuses a -GraphEndpoint with a user-info part and never shows its password' {
            try { Connect-SsprGraph -GraphEndpoint 'https://admin:Pa55word!@graph.microsoft.com' -AccessToken (ConvertTo-TestSecureString $simulator.Token) } catch { $err = $_ }
            Assert-ErrorRecord $err 'GraphEndpointInvalid' 'InvalidArgument'
            "$($err.TargetObject)" | Should -Match 'graph\.microsoft\.com'
            ($err.Exception.Message, $err.ErrorDetails.Message, "$($err.TargetObject)", $err.CategoryInfo.ToString()) -join ' ' | Should -Not -Match 'Pa55word'
        }

        It 'refuses an -AccessToken that is <Kind> as AccessTokenInvalid, the SecureString as target' -ForEach @(
            @{ Kind = 'an empty SecureString'; Token = '' }
            @{ Kind = "prefixed with 'Bearer '"; Token = 'Bearer header.payload.signature' }
        ) {
            $secure = if ($Token) { ConvertTo-TestSecureString $Token } else { [securestring]::new() }
            try { Connect-SsprGraph -GraphEndpoint $simulator.BaseUrl -AccessToken $secure } catch { $err = $_ }
            Assert-ErrorRecord $err 'AccessTokenInvalid' 'InvalidArgument'
            [object]::ReferenceEquals($err.TargetObject, $secure) | Should -BeTrue
            if ($Token) { $err.Exception.Message | Should -Not -Match 'payload' }
        }

        It 'connects with an -AccessToken that is not a JWT, and warns that its tenant, scopes and expiry are unknown' {
            # Microsoft (access-tokens): a token a Microsoft API receives "might not always be a JWT that can be decoded".
            $connection = Connect-SsprGraph -GraphEndpoint $simulator.BaseUrl -AccessToken (ConvertTo-TestSecureString 'opaque-token') -WarningVariable warnings -WarningAction SilentlyContinue
            $connection | Should -Not -BeNullOrEmpty
            $warnings | Should -Match 'not a JSON Web Token'
        }

        It 'refuses a -TenantId that is <Bad> (neither a GUID nor a domain) as TenantIdInvalid' -ForEach @(
            @{ Bad = 'not a tenant!' }
            @{ Bad = 'contoso' }
        ) {
            try { Connect-SsprGraph -GraphEndpoint $simulator.BaseUrl -AccessToken (ConvertTo-TestSecureString $simulator.Token) -TenantId $Bad } catch { $err = $_ }
            Assert-ErrorRecord $err 'TenantIdInvalid' 'InvalidArgument'
            $err.TargetObject | Should -BeExactly $Bad
        }
    }

    Context 'other parameters' {
        BeforeAll { Connect-TestTenant -Simulator $simulator | Out-Null }

        It 'warns about an unknown -RoleName and still lists the known one' {
            # A warning, not an error: a custom role or one nobody holds gives the same empty answer as a typo.
            $admins = Get-SsprAdmin -RoleName 'Global Administrator', 'Global Adminstrator' -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable failures
            $failures.Count | Should -Be 0
            $admins.Roles.RoleName | Should -Contain 'Global Administrator'
            @($warnings).Count | Should -Be 1
            $warnings[0] | Should -Match "'Global Adminstrator'"
        }

        It 'refuses -VerifyTimeoutSeconds <Bad> before any write' -ForEach @(@{ Bad = -1 }, @{ Bad = 86400 }) {
            Clear-SsprSimulatorJournal -Simulator $simulator
            try { Enable-SsprForAdmins -VerifyTimeoutSeconds $Bad -Confirm:$false } catch { $err = $_ }
            Assert-ErrorRecord $err 'ParameterArgumentValidationError' 'InvalidData'
            # PowerShell's binder (ValidateRange) raises this record and sets no TargetObject; its message names the value.
            $err.TargetObject | Should -BeNullOrEmpty
            $err.Exception.Message | Should -Match ([regex]::Escape("$Bad"))
            Get-TestWrites -Simulator $simulator | Should -BeNullOrEmpty
        }
    }
}
