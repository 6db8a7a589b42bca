BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:Simulator = Start-SsprSimulator -SimulatorPath $script:SimulatorPath -Scenario seed
    Connect-TestTenant -Simulator $script:Simulator | Out-Null
    $script:SeedUsers = @('grace.admin@contoso.com', 'henry.helpdesk@contoso.com', 'gina.group@contoso.com', 'paul.pim@contoso.com',
        'alex.wilber@contoso.com', 'carla.cloud@contoso.com', 'gus_fabrikam.example#EXT#@contoso.onmicrosoft.com', 'dana.disabled@contoso.com')

    function Read-ReportData([string] $Path) {
        # The figures the report embeds as JSON for scripts.
        $html = Get-Content -Raw -LiteralPath $Path
        [regex]::Match($html, '<script type="application/json" id="report-data">(.*?)</script>', 'Singleline').Groups[1].Value | ConvertFrom-Json -AsHashtable -DateKind String
    }

    function Get-ReportUser([string] $Path) {
        # The user principal names of the table's rows, in page order.
        [regex]::Matches((Get-Content -Raw -LiteralPath $Path), '<span class="upn-text mono">([^<]*)</span>') |
            ForEach-Object { [Net.WebUtility]::HtmlDecode($_.Groups[1].Value) }
    }

    function Get-OutcomeCount($Predictions) {
        $counts = @{ Succeeds = 0; Fails = 0; Unknown = 0 }
        foreach ($prediction in $Predictions) { $counts[$prediction.Outcome]++ }
        $counts
    }
}
AfterAll {
    Disconnect-SsprGraph
    $script:Simulator | Stop-SsprSimulator
}

Describe 'Export-SsprReport' {
    Context 'every administrator of the seed tenant (-AllAdmins), switch off' {
        BeforeAll {
            $script:Expected = @(Test-SsprAdminReset -AllAdmins -PasswordWriteback Enabled)
            $script:Path = Join-Path $TestDrive 'admins.html'
            Clear-SsprSimulatorJournal -Simulator $script:Simulator
            $output = Export-SsprReport -AllAdmins -PasswordWriteback Enabled -Path $script:Path -PassThru -Verbose 4>&1
            $script:File = $output | Where-Object { $_ -is [IO.FileInfo] }
            $script:Verbose = @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
            $script:Data = Read-ReportData $script:Path
            $script:Html = Get-Content -Raw -LiteralPath $script:Path
        }

        It 'has one row per administrator Test-SsprAdminReset -AllAdmins predicts' {
            @(Get-ReportUser $script:Path | Sort-Object) | Should -Be @($script:Expected.UserPrincipalName | Sort-Object)
            $script:Data.users | Should -Be $script:Expected.Count
        }

        It 'counts them by outcome and by predicted error as the predictions do' {
            $counts = Get-OutcomeCount $script:Expected
            foreach ($outcome in 'Succeeds', 'Fails', 'Unknown') {
                $script:Data.outcomes[$outcome] | Should -Be $counts[$outcome] -Because $outcome
            }
            foreach ($group in $script:Expected | Where-Object PredictedError | Group-Object PredictedError) {
                $script:Data.errors[$group.Name] | Should -Be $group.Count
            }
            $script:Data.errors['SSPR_0009'] | Should -Be 3
        }

        It 'shows the tenant switch off, read from Graph, with the fix' {
            $script:Data.adminSsprSwitch | Should -Be 'off'
            $banner = [regex]::Match($script:Html, '<section class="banner .*?</section>', 'Singleline').Value
            $banner | Should -Match 'data-state="off"'
            $banner | Should -Match '<code>Enable-SsprForAdmins</code>'
            $banner | Should -Match ([regex]::Escape("GET $($script:Simulator.BaseUrl.ToString().TrimEnd('/'))/v1.0/policies/authorizationPolicy"))
        }

        It 'reads the switch once: the banner shows the value the predictions were made with' {
            @((Get-SsprSimulatorJournal -Simulator $script:Simulator).entries | Where-Object path -EQ '/v1.0/policies/authorizationPolicy').Count |
                Should -Be 1
        }

        It 'says how, when and by which version it was generated' {
            $script:Data.source | Should -Be 'Test-SsprAdminReset -AllAdmins -PasswordWriteback Enabled, run by Export-SsprReport'
            $script:Data.generatedAt | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$'
            $script:Data.generator | Should -Be "SsprTools $((Get-Module SsprTools).Version)"
            $script:Data.tenantId | Should -Be $script:Simulator.TenantId
        }

        It 'returns the file with -PassThru and says where it wrote with -Verbose' {
            $script:File.FullName | Should -Be $script:Path
            $script:Verbose | Should -Contain ("Wrote the SSPR report for 3 user(s) to {0} ({1:N0} bytes)." -f $script:Path, $script:File.Length)
        }

        It 'is UTF-8 without a byte order mark and leaves no temporary file behind' {
            $bytes = [IO.File]::ReadAllBytes($script:Path)
            [Text.Encoding]::ASCII.GetString($bytes, 0, 15) | Should -Be '<!DOCTYPE html>'
            @(Get-ChildItem -LiteralPath $TestDrive -Force -Filter '*.tmp') | Should -BeNullOrEmpty
        }

        It 'holds no access token' -Tag Secret {
            $script:Html | Should -Not -Match ([regex]::Escape($script:Simulator.Token))
            $script:Html | Should -Not -Match ([regex]::Escape($script:Simulator.Token.Split('.')[-1]))
        }
    }

    Context 'predictions from the pipeline' {
        BeforeAll {
            $script:Piped = @($script:SeedUsers | Test-SsprAdminReset -PasswordWriteback Enabled)
        }

        It 'reports every piped prediction, in the order it came' {
            $path = Join-Path $TestDrive 'piped.html'
            $script:Piped | Export-SsprReport -Path $path
            @(Get-ReportUser $path) | Should -Be @($script:Piped.UserPrincipalName)
            (Read-ReportData $path).source | Should -Be "$($script:Piped.Count) predictions from the pipeline"
        }

        It 'takes an array through -InputObject as well' {
            $path = Join-Path $TestDrive 'input-object.html'
            Export-SsprReport -InputObject $script:Piped -Path $path
            @(Get-ReportUser $path) | Should -Be @($script:Piped.UserPrincipalName)
        }

        It 'writes ReportInputInvalid for an object that is not a prediction and reports the others' {
            $path = Join-Path $TestDrive 'mixed.html'
            $admin = Get-SsprAdmin | Select-Object -First 1
            $script:Piped[0], 'not a prediction', $admin, $script:Piped[1] |
                Export-SsprReport -Path $path -ErrorVariable problems -ErrorAction SilentlyContinue
            $problems.Count | Should -Be 2
            $problems.FullyQualifiedErrorId | Sort-Object -Unique | Should -Be 'ReportInputInvalid,SsprTools.Commands.ExportSsprReportCommand'
            $problems.CategoryInfo.Category | Sort-Object -Unique | Should -Be 'InvalidArgument'
            $problems[0].TargetObject | Should -Be 'not a prediction'
            $problems[1].TargetObject.UserPrincipalName | Should -Be $admin.UserPrincipalName
            @(Get-ReportUser $path) | Should -Be @($script:Piped[0].UserPrincipalName, $script:Piped[1].UserPrincipalName)
        }

        It 'reports a user piped twice once, with a warning' {
            $path = Join-Path $TestDrive 'twice.html'
            $script:Piped[0], $script:Piped[0] | Export-SsprReport -Path $path -WarningVariable warnings -WarningAction SilentlyContinue
            @(Get-ReportUser $path) | Should -Be @($script:Piped[0].UserPrincipalName)
            $warnings | Should -HaveCount 1
        }

        It 'warns and says why when the switch cannot be read, and still writes the report' {
            $path = Join-Path $TestDrive 'no-policy-permission.html'
            $noPolicy = New-SsprSimulatorToken -Simulator $script:Simulator -Scopes 'User.Read.All'
            Connect-TestTenant -Simulator $script:Simulator -Token $noPolicy | Out-Null
            try {
                $script:Piped | Export-SsprReport -Path $path -WarningVariable warnings -WarningAction SilentlyContinue
            }
            finally {
                Connect-TestTenant -Simulator $script:Simulator | Out-Null
            }
            $warnings | Should -HaveCount 1
            $warnings[0] | Should -Match 'Policy\.Read\.All'
            (Read-ReportData $path).adminSsprSwitch | Should -Be 'not read'
            @(Get-ReportUser $path) | Should -Be @($script:Piped.UserPrincipalName)
        }

        It 'still writes a report, saying no users were tested, when nothing is piped' {
            $path = Join-Path $TestDrive 'empty.html'
            @() | Export-SsprReport -Path $path
            (Read-ReportData $path).users | Should -Be 0
            Get-Content -Raw -LiteralPath $path | Should -Match 'No users were tested'
        }
    }

    Context 'not connected, predictions read back with Import-Clixml' {
        BeforeAll {
            $script:Saved = @($script:SeedUsers | Test-SsprAdminReset -PasswordWriteback Enabled)
            $clixml = Join-Path $TestDrive 'predictions.xml'
            $script:Saved | Export-Clixml -LiteralPath $clixml
            Disconnect-SsprGraph
            $script:Path = Join-Path $TestDrive 'offline.html'
            Import-Clixml -LiteralPath $clixml | Export-SsprReport -Path $script:Path -ErrorVariable offlineErrors
            $script:OfflineErrors = $offlineErrors
            $script:Html = Get-Content -Raw -LiteralPath $script:Path
            $script:Data = Read-ReportData $script:Path
        }
        AfterAll {
            Connect-TestTenant -Simulator $script:Simulator | Out-Null
        }

        It 'reports every read-back prediction without errors' {
            $script:OfflineErrors | Should -BeNullOrEmpty
            @(Get-ReportUser $script:Path) | Should -Be @($script:Saved.UserPrincipalName)
            $script:Data.source | Should -Be "$($script:Saved.Count) predictions from the pipeline ($($script:Saved.Count) read back from saved output, such as Import-Clixml)"
        }

        It 'keeps each prediction''s outcome, error and findings' {
            $counts = Get-OutcomeCount $script:Saved
            $script:Data.outcomes['Fails'] | Should -Be $counts['Fails']
            $script:Data.outcomes['Unknown'] | Should -Be $counts['Unknown']
            foreach ($finding in $script:Saved.Findings) {
                $script:Html | Should -Match ([regex]::Escape("<code class=""code"">$($finding.Code)</code>"))
            }
            $script:Html | Should -Match ([regex]::Escape('<dd class="remediation">Enable-SsprForAdmins'))
        }

        It 'says the tenant switch was not read because it is not connected' {
            $script:Data.adminSsprSwitch | Should -Be 'not read'
            $script:Html | Should -Match 'was not read: not connected\.'
            $script:Html | Should -Match '<dt>Tenant</dt><dd>not connected</dd>'
        }

        It 'stops with NotConnected for -AllAdmins' {
            { Export-SsprReport -AllAdmins -Path (Join-Path $TestDrive 'never.html') } |
                Should -Throw -ErrorId 'NotConnected,SsprTools.Commands.ExportSsprReportCommand'
            Join-Path $TestDrive 'never.html' | Should -Not -Exist
        }
    }

    Context 'where and whether it writes' {
        It 'writes nothing and reads nothing from Graph with -WhatIf' -Tag Write {
            $path = Join-Path $TestDrive 'whatif.html'
            $before = (Get-SsprSimulatorJournal -Simulator $script:Simulator).count
            Export-SsprReport -AllAdmins -Path $path -WhatIf
            $path | Should -Not -Exist
            (Get-SsprSimulatorJournal -Simulator $script:Simulator).count | Should -Be $before
        }

        It 'refuses an existing file with -NoClobber and leaves it as it was' {
            $path = Join-Path $TestDrive 'kept.html'
            Set-Content -LiteralPath $path -Value 'earlier report'
            $thrown = { Export-SsprReport -AllAdmins -Path $path -NoClobber } | Should -Throw -ErrorId 'ReportFileExists,SsprTools.Commands.ExportSsprReportCommand' -PassThru
            $thrown.CategoryInfo.Category | Should -Be 'ResourceExists'
            $thrown.TargetObject | Should -Be $path
            Get-Content -Raw -LiteralPath $path | Should -Be "earlier report$([Environment]::NewLine)"
        }

        It 'replaces a read-only file only with -Force, and keeps it read-only' {
            $path = Join-Path $TestDrive 'locked.html'
            Set-Content -LiteralPath $path -Value 'locked'
            Set-ItemProperty -LiteralPath $path -Name IsReadOnly -Value $true
            { @() | Export-SsprReport -Path $path } | Should -Throw -ErrorId 'ReportFileReadOnly,SsprTools.Commands.ExportSsprReportCommand'
            @() | Export-SsprReport -Path $path -Force
            Get-Content -Raw -LiteralPath $path | Should -Match 'No users were tested'
            (Get-Item -LiteralPath $path).IsReadOnly | Should -BeTrue
            Set-ItemProperty -LiteralPath $path -Name IsReadOnly -Value $false
        }

        It 'resolves a relative path and a PowerShell drive against the current location' {
            Push-Location -LiteralPath $TestDrive
            try {
                @() | Export-SsprReport -Path 'relative.html'
                @() | Export-SsprReport -Path 'TestDrive:/drive.html'
            }
            finally {
                Pop-Location
            }
            Join-Path $TestDrive 'relative.html' | Should -Exist
            Join-Path $TestDrive 'drive.html' | Should -Exist
        }

        It 'refuses a path that is not on the file system, or in a folder that does not exist' {
            { @() | Export-SsprReport -Path 'Env:/SsprReport' } | Should -Throw -ErrorId 'ReportPathInvalid,SsprTools.Commands.ExportSsprReportCommand'
            { @() | Export-SsprReport -Path (Join-Path $TestDrive 'missing/report.html') } |
                Should -Throw -ErrorId 'ReportDirectoryNotFound,SsprTools.Commands.ExportSsprReportCommand'
            { @() | Export-SsprReport -Path $TestDrive } | Should -Throw -ErrorId 'ReportPathInvalid,SsprTools.Commands.ExportSsprReportCommand'
        }
    }
}
