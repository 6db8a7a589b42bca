BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    # healthy: every outcome (Succeeds, Unknown for synced admins without -PasswordWriteback); seed: Fails with SSPR_0009.
    $script:healthy = Start-SsprSimulator -SimulatorPath $script:SimulatorPath -Scenario healthy
    Connect-TestTenant -Simulator $script:healthy | Out-Null
    $script:mixed = @(Test-SsprAdminReset -AllAdmins)
    $script:tenant = Start-SsprSimulator -SimulatorPath $script:SimulatorPath -Scenario seed
    Connect-TestTenant -Simulator $script:tenant | Out-Null
    $script:predictions = @(Test-SsprAdminReset -AllAdmins)
    $script:savedRendering = $PSStyle.OutputRendering

    function Get-VisibleLine([string] $Text) {
        # What a console shows: escape sequences take no columns.
        @($Text -split "`r?`n" | ForEach-Object { $_ -replace "`e\[[0-9;]*m", '' } | Where-Object { $_.Trim() })
    }
}
AfterAll {
    $PSStyle.OutputRendering = $script:savedRendering
    Disconnect-SsprGraph
    $script:tenant, $script:healthy | Stop-SsprSimulator
}

Describe 'Default views' {
    It 'shows predictions as a table of UPN, admin, synced, outcome, error and reason that fits 120 columns' {
        $lines = Get-VisibleLine ($script:predictions | Out-String -Width 120)
        $lines[0] | Should -Match '^UserPrincipalName\s+Admin\s+Synced\s+Outcome\s+Error\s+Reason$'
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 120 }
        $lines | Should -Contain ($lines -match '^grace\.admin@contoso\.com\s+True\s+True\s+Fails\s+SSPR_0009\s+SSPR for administrators is off')
    }

    It 'shows each finding with its evidence and fix in the list view' {
        $grace = $script:predictions | Where-Object UserPrincipalName -EQ 'grace.admin@contoso.com'
        $text = $grace | Format-List | Out-String -Width 200
        $text | Should -Match '\[Error\] AdminSsprDisabled: '
        $text | Should -Match 'evidence: allowedToUseSSPR = false; GET /v1\.0/policies/authorizationPolicy at \d{4}-'
        $text | Should -Match 'fix: Enable-SsprForAdmins'
        $text | Should -Match 'AdminRoles\s+: Global Administrator'
    }

    It 'shows <Name> in a table that fits 120 columns' -ForEach @(
        @{ Name = 'administrators'; Command = { Get-SsprAdmin }; Header = '^UserPrincipalName\s+DisplayName\s+Synced\s+Roles$' }
        @{ Name = 'the admin policy'; Command = { Get-SsprAdminPolicy }; Header = '^AllowedToUseSspr\s+TenantId\s+RetrievedAt\s+Source$' }
        @{ Name = 'a policy change'; Command = { Enable-SsprForAdmins -Force }; Header = '^Setting\s+Before\s+After\s+Changed\s+Verified\s+Message$' }
    ) {
        $lines = Get-VisibleLine (& $Command | Format-Table | Out-String -Width 120)
        $lines[0] | Should -Match $Header
        $lines.Count | Should -BeGreaterThan 2 -Because 'a header, its underline and at least one row'
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 120 }
    }
}

Describe 'Outcome colour' {
    It 'colours only the outcome: Succeeds green, Fails red, Unknown yellow, where the host renders ANSI' {
        $PSStyle.OutputRendering = 'Ansi'
        $text = @($script:mixed) + @($script:predictions) | Out-String -Width 120
        $text | Should -Match ([regex]::Escape($PSStyle.Foreground.Green + 'Succeeds' + $PSStyle.Reset))
        $text | Should -Match ([regex]::Escape($PSStyle.Foreground.Red + 'Fails' + $PSStyle.Reset))
        $text | Should -Match ([regex]::Escape($PSStyle.Foreground.Yellow + 'Unknown' + $PSStyle.Reset))
        $text | Should -Match '(?m)^grace\.admin@contoso\.com +True +True +\e\[' -Because 'the UPN and flags before the outcome stay plain'
        $text | Should -Not -Match '\e\[[0-9;]*mSSPR_0009'
    }

    It 'writes no escape sequences when output is plain text (redirected, logs, transcripts)' {
        $PSStyle.OutputRendering = 'PlainText'
        $text = @($script:mixed) + @($script:predictions) | Out-String -Width 120
        $text.Contains([char] 27) | Should -BeFalse
        $text | Should -Match 'Succeeds'
        $text | Should -Match 'Fails'
    }
}
