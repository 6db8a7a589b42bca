# User principal names real tenants have, end to end through the module and the simulator: a B2B guest (#EXT#), '#',
# an apostrophe, a leading '$', non-ASCII letters, '+', '^', '~' and '!'. Tenant: scenarios/real-names.json (ids stable).
BeforeDiscovery {
    # Non-ASCII letters written as [char] so the file's encoding (Windows PowerShell reads UTF-8 without BOM as ANSI) cannot change them.
    $script:RealNames = @(
        @{ Name = 'partner_fabrikam.com#EXT#@contoso.com'; Id = 'b1000000-0000-4000-8000-000000000002' }
        @{ Name = 'ops#7@contoso.com'; Id = 'b1000000-0000-4000-8000-000000000003' }
        @{ Name = "o'neil@contoso.com"; Id = 'b1000000-0000-4000-8000-000000000004' }
        @{ Name = '$svc.admin@contoso.com'; Id = 'b1000000-0000-4000-8000-000000000005' }
        @{ Name = "zo$([char]0xEB).m$([char]0xFC)ller@contoso.com"; Id = 'b1000000-0000-4000-8000-000000000006' }
        @{ Name = 'a+b@contoso.com'; Id = 'b1000000-0000-4000-8000-000000000007' }
        @{ Name = 'x^y~z!@contoso.com'; Id = 'b1000000-0000-4000-8000-000000000008' }
    )
}
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:tenant = Start-SsprSimulator -SimulatorPath $script:SimulatorPath -Scenario (Join-Path $PSScriptRoot 'scenarios/real-names.json')
    Connect-TestTenant -Simulator $script:tenant | Out-Null
}
AfterAll {
    Disconnect-SsprGraph
    $script:tenant | Stop-SsprSimulator
}

Describe 'Test-SsprAdminReset with real user principal names' {
    It 'predicts for <Name> instead of answering UserNotFound' -ForEach $RealNames {
        $prediction = Test-SsprAdminReset -UserId $Name -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures | Should -BeNullOrEmpty
        $prediction.UserId | Should -Be $Id
        $prediction.UserPrincipalName | Should -BeExactly $Name
        $prediction.Outcome | Should -BeIn 'Succeeds', 'Fails', 'Unknown'
    }

    It 'knows the guest, the # member and the $ member as the administrators they are' {
        (Test-SsprAdminReset -UserId 'partner_fabrikam.com#EXT#@contoso.com').AdminRoles | Should -Be 'Helpdesk Administrator'
        (Test-SsprAdminReset -UserId 'ops#7@contoso.com').AdminRoles | Should -Be 'Global Administrator'
        (Test-SsprAdminReset -UserId '$svc.admin@contoso.com').AdminRoles | Should -Be 'User Administrator'
    }

    It 'predicts every name piped in one run, in order' -TestCases @{ Users = $RealNames } {
        $predictions = $Users.Name | Test-SsprAdminReset -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures | Should -BeNullOrEmpty
        $predictions.UserId | Should -Be $Users.Id
    }

    It 'gives the same verdicts for Get-SsprAdmin | Test-SsprAdminReset as for -AllAdmins' {
        $all = Test-SsprAdminReset -AllAdmins | Sort-Object UserId
        $piped = Get-SsprAdmin | Test-SsprAdminReset | Sort-Object UserId
        $all.UserPrincipalName | Should -Be @('grace.admin@contoso.com', 'partner_fabrikam.com#EXT#@contoso.com', 'ops#7@contoso.com', '$svc.admin@contoso.com')
        ($piped | ForEach-Object { "$($_.UserId) $($_.Outcome) $($_.PredictedError)" }) |
            Should -Be ($all | ForEach-Object { "$($_.UserId) $($_.Outcome) $($_.PredictedError)" })
    }
}

Describe '-UserId completion with real user principal names' {
    It 'offers the #EXT# guest, quoted so the completed line parses and finds the guest' {
        $line = 'Test-SsprAdminReset -UserId partner'
        $completion = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches)
        $completion.CompletionText | Should -Be @("'partner_fabrikam.com#EXT#@contoso.com'")
        $prediction = Invoke-Expression "Test-SsprAdminReset -UserId $($completion[0].CompletionText)"
        $prediction.UserPrincipalName | Should -BeExactly 'partner_fabrikam.com#EXT#@contoso.com'
    }

    It 'completes <Typed> to <Name>, and the completed line finds that user' -ForEach @(
        @{ Typed = 'ops'; Name = 'ops#7@contoso.com' }
        @{ Typed = "'o''n"; Name = "o'neil@contoso.com" }
        @{ Typed = "'`$svc"; Name = '$svc.admin@contoso.com' }
        @{ Typed = 'x^'; Name = 'x^y~z!@contoso.com' }
    ) {
        $line = "Test-SsprAdminReset -UserId $Typed"
        $completion = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches)
        $completion.ListItemText | Should -Be @($Name)
        $prediction = Invoke-Expression "Test-SsprAdminReset -UserId $($completion[0].CompletionText)"
        $prediction.UserPrincipalName | Should -BeExactly $Name
    }
}
