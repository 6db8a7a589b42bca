# The report as a person sees it: opened from disk in real headless Chromium (Debian's 'chromium' package), driven
# over the Chrome DevTools Protocol (Chromium.ps1). Without Chromium these tests fail, they are never skipped.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    . (Join-Path $PSScriptRoot 'Chromium.ps1')
    . (Join-Path $PSScriptRoot 'PageContrast.ps1')
    $script:Simulator = Start-SsprSimulator -SimulatorPath $script:SimulatorPath -Scenario seed
    Connect-TestTenant -Simulator $script:Simulator | Out-Null

    $seedUsers = 'grace.admin@contoso.com', 'henry.helpdesk@contoso.com', 'gina.group@contoso.com', 'paul.pim@contoso.com',
        'alex.wilber@contoso.com', 'carla.cloud@contoso.com', 'gus_fabrikam.example#EXT#@contoso.onmicrosoft.com', 'dana.disabled@contoso.com'
    # A prediction shaped like a read-back one, with markup where a tenant could put it.
    $script:Hostile = [pscustomobject]@{
        UserId = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'; UserPrincipalName = 'mallory@contoso.com'
        DisplayName = '<img src=x onerror=alert(1)></script><script>alert(2)</script>'
        IsAdmin = $false; AdminRoles = @(); EligibleAdminRoles = @(); IsSynced = $false
        Outcome = 'Unknown'; PredictedError = $null; Reason = '"quoted" & <b>bold</b>'
        Findings = @([pscustomobject]@{ Code = 'Hostile'; Severity = 'Warning'; Message = '<svg onload=alert(3)>'; Evidence = 'x'; Remediation = $null; ErrorCode = $null })
    }
    $script:Predictions = @($seedUsers | Test-SsprAdminReset -PasswordWriteback Enabled) + $script:Hostile
    $script:Title = 'Contoso <SSPR> & "admins"'
    $script:ReportPath = Join-Path $TestDrive 'report.html'
    $script:Predictions | Export-SsprReport -Path $script:ReportPath -Title $script:Title
    $script:ReportUrl = [Uri]::new($script:ReportPath, [UriKind]::Absolute).AbsoluteUri

    $script:Browser = Start-TestBrowser
    $script:Page = Open-TestPage -Browser $script:Browser -Url $script:ReportUrl -Width 1280 -Height 900

    function Get-VisibleRow {
        # The user principal names of the rows shown, top to bottom.
        @(Invoke-PageScript -Page $script:Page -Expression "Array.from(document.querySelectorAll('#predictions tbody.user:not([hidden]) .upn-text')).map(e => e.textContent)")
    }

    function Get-Showing {
        Invoke-PageScript -Page $script:Page -Expression "document.getElementById('showing').textContent"
    }

    function Get-HeaderSort([int] $Column) {
        Invoke-PageScript -Page $script:Page -Expression "document.querySelector('#predictions thead th:nth-child($Column)').getAttribute('aria-sort')"
    }

    function Get-ExpectedOrder([scriptblock] $Key, [switch] $Descending) {
        # Sort-Object -Stable keeps the order of equal keys, as the page's sort does.
        @($script:Predictions | Sort-Object -Stable -Property @{ Expression = $Key; Descending = [bool] $Descending } | ForEach-Object UserPrincipalName)
    }

    $script:OutcomeRank = @{ Fails = 0; Unknown = 1; Succeeds = 2 }
}
AfterAll {
    Stop-TestBrowser -Browser $script:Browser
    Disconnect-SsprGraph
    $script:Simulator | Stop-SsprSimulator
}

Describe 'Export-SsprReport in a headless browser' {
    Context 'the page as it opens' {
        It 'renders with the report''s title, markup in it shown as text' {
            Invoke-PageScript -Page $script:Page -Expression 'document.title' | Should -Be $script:Title
            Invoke-PageScript -Page $script:Page -Expression "document.querySelector('h1').textContent" | Should -Be $script:Title
        }

        It 'has one table row per prediction, in the order they were piped' {
            Get-VisibleRow | Should -Be @($script:Predictions.UserPrincipalName)
            Invoke-PageScript -Page $script:Page -Expression "document.querySelectorAll('#predictions tbody tr.main').length" |
                Should -Be $script:Predictions.Count
            Get-Showing | Should -Be "Showing $($script:Predictions.Count) of $($script:Predictions.Count) users"
        }

        It 'shows summary counts that match the predictions' {
            $count = { param($name) Invoke-PageScript -Page $script:Page -Expression "document.querySelector('.card [data-count=`"$name`"]').textContent" }
            & $count 'Total' | Should -Be "$($script:Predictions.Count)"
            foreach ($outcome in 'Fails', 'Unknown', 'Succeeds') {
                & $count $outcome | Should -Be "$(@($script:Predictions | Where-Object Outcome -EQ $outcome).Count)" -Because $outcome
            }
            foreach ($group in $script:Predictions | Where-Object PredictedError | Group-Object PredictedError) {
                & $count $group.Name | Should -Be "$($group.Count)" -Because $group.Name
            }
        }

        It 'shows the seed tenant''s switch as off, with Enable-SsprForAdmins' {
            Invoke-PageScript -Page $script:Page -Expression "document.getElementById('admin-switch').dataset.state" | Should -Be 'off'
            Invoke-PageScript -Page $script:Page -Expression "document.getElementById('admin-switch').innerText" | Should -Match 'Enable-SsprForAdmins'
        }

        It 'shows a hostile display name as text and runs none of it' {
            Invoke-PageScript -Page $script:Page -Expression "document.querySelectorAll('img, svg, #predictions script').length" | Should -Be 0
            $shown = Invoke-PageScript -Page $script:Page -Expression @"
Array.from(document.querySelectorAll('#predictions tbody.user'))
  .find(b => b.querySelector('.upn-text').textContent === 'mallory@contoso.com').rows[0].cells[1].textContent
"@
            $shown | Should -Be $script:Hostile.DisplayName
            Get-PageEvent -Page $script:Page -Method 'Page.javascriptDialogOpening' | Should -BeNullOrEmpty
        }

        It 'captures a screenshot that is the report, not a blank page' {
            $resultsDirectory = if ($env:SSPRTOOLS_RESULTS_DIR) { $env:SSPRTOOLS_RESULTS_DIR } else { $TestDrive }
            New-Item -ItemType Directory -Force -Path $resultsDirectory | Out-Null
            $shotPath = Join-Path $resultsDirectory 'report.png'
            $shot = Save-PageScreenshot -Page $script:Page -Path $shotPath
            Write-Host "Report screenshot: $shotPath"

            # PNG signature, then the IHDR chunk's width and height (big-endian) at bytes 16 and 20.
            $shot[0..7] | Should -Be @(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)
            [Text.Encoding]::ASCII.GetString($shot, 12, 4) | Should -Be 'IHDR'
            $bigEndian = { param($at) ([int] $shot[$at] -shl 24) -bor ([int] $shot[$at + 1] -shl 16) -bor ([int] $shot[$at + 2] -shl 8) -bor $shot[$at + 3] }
            & $bigEndian 16 | Should -Be 1280
            & $bigEndian 20 | Should -Be 900

            $blank = Open-TestPage -Browser $script:Browser -Url 'about:blank' -Width 1280 -Height 900
            try {
                $empty = Save-PageScreenshot -Page $blank -Path (Join-Path $TestDrive 'blank.png')
            }
            finally {
                Close-TestPage -Page $blank
            }
            $shot.Length | Should -BeGreaterThan (5 * $empty.Length) -Because "a rendered report compresses far worse than an empty page ($($empty.Length) bytes)"
        }
    }

    Context 'sorting' {
        It 'sorts by Outcome on a click, worst first, and the other way on a second click' {
            Invoke-PageClick -Page $script:Page -Selector '#predictions thead th:nth-child(3) button'
            Get-VisibleRow | Should -Be (Get-ExpectedOrder { $script:OutcomeRank[$_.Outcome] })
            Get-HeaderSort 3 | Should -Be 'ascending'

            Invoke-PageClick -Page $script:Page -Selector '#predictions thead th:nth-child(3) button'
            Get-VisibleRow | Should -Be (Get-ExpectedOrder { $script:OutcomeRank[$_.Outcome] } -Descending)
            Get-HeaderSort 3 | Should -Be 'descending'
        }

        It 'sorts by user principal name, and marks only that column as sorted' {
            $before = Get-VisibleRow
            Invoke-PageClick -Page $script:Page -Selector '#predictions thead th:nth-child(1) button'
            $expected = Get-ExpectedOrder { $_.UserPrincipalName }
            Get-VisibleRow | Should -Be $expected
            $expected | Should -Not -Be $before -Because 'the click must change the order for this test to mean anything'
            Get-HeaderSort 1 | Should -Be 'ascending'
            Get-HeaderSort 3 | Should -BeNullOrEmpty

            Invoke-PageClick -Page $script:Page -Selector '#predictions thead th:nth-child(1) button'
            Get-VisibleRow | Should -Be (Get-ExpectedOrder { $_.UserPrincipalName } -Descending)
        }

        It 'sorts from the keyboard: a header is a button that Enter presses' {
            $synced = { if ($_.IsSynced -eq $true) { 0 } elseif ($_.IsSynced -eq $false) { 1 } else { 2 } }
            Invoke-PageScript -Page $script:Page -Expression "document.querySelector('#predictions thead th:nth-child(7) button').focus()" | Out-Null
            Invoke-PageKey -Page $script:Page -Key Enter
            Get-HeaderSort 7 | Should -Be 'ascending'
            # Stable from the order the previous test left: user principal names descending.
            $fromDescending = @($script:Predictions | Sort-Object -Stable -Property @{ Expression = { $_.UserPrincipalName }; Descending = $true } |
                Sort-Object -Stable -Property @{ Expression = $synced } | ForEach-Object UserPrincipalName)
            Get-VisibleRow | Should -Be $fromDescending
        }
    }

    Context 'filtering' {
        AfterEach {
            Invoke-PageClick -Page $script:Page -Selector '#filter-clear'
        }

        It 'filters by typed text and says how many it shows' {
            Send-PageText -Page $script:Page -Selector '#filter-text' -Text 'HELPDESK'
            $expected = @($script:Predictions | Where-Object { ($_ | ConvertTo-Json -Depth 5) -match 'helpdesk' })
            $expected.Count | Should -BeGreaterThan 0
            @(Get-VisibleRow | Sort-Object) | Should -Be @($expected.UserPrincipalName | Sort-Object)
            Get-Showing | Should -Be "Showing $($expected.Count) of $($script:Predictions.Count) users"
        }

        It 'filters by the outcome chosen in the drop-down' {
            Invoke-PageScript -Page $script:Page -Expression @"
(() => { const box = document.getElementById('filter-outcome'); box.value = 'Unknown'; box.dispatchEvent(new Event('change', { bubbles: true })); })()
"@ | Out-Null
            $expected = @($script:Predictions | Where-Object Outcome -EQ 'Unknown')
            @(Get-VisibleRow | Sort-Object) | Should -Be @($expected.UserPrincipalName | Sort-Object)
            Get-Showing | Should -Be "Showing $($expected.Count) of $($script:Predictions.Count) users"
        }

        It 'filters by an error when its summary card is clicked, and shows everyone again from the total card' {
            Invoke-PageClick -Page $script:Page -Selector '.card[data-filter-error="SSPR_0009"]'
            $expected = @($script:Predictions | Where-Object PredictedError -EQ 'SSPR_0009')
            @(Get-VisibleRow | Sort-Object) | Should -Be @($expected.UserPrincipalName | Sort-Object)
            Invoke-PageScript -Page $script:Page -Expression "document.getElementById('filter-error').value" | Should -Be 'SSPR_0009'
            Invoke-PageScript -Page $script:Page -Expression "document.querySelector('.card[data-filter-error=`"SSPR_0009`"]').getAttribute('aria-pressed')" | Should -Be 'true'

            Invoke-PageClick -Page $script:Page -Selector '.card.card-all'
            @(Get-VisibleRow).Count | Should -Be $script:Predictions.Count
        }
    }

    Context 'findings' {
        It 'shows a row''s findings when it is expanded, and hides them again' {
            $grace = $script:Predictions | Where-Object UserPrincipalName -EQ 'grace.admin@contoso.com'
            $button = 'button.expand[aria-label="Findings for grace.admin@contoso.com"]'
            $details = "document.getElementById(document.querySelector($($button | ConvertTo-Json)).getAttribute('aria-controls'))"
            $detailShown = "getComputedStyle($details).display"
            Invoke-PageScript -Page $script:Page -Expression $detailShown | Should -Be 'none'

            Invoke-PageClick -Page $script:Page -Selector $button
            Invoke-PageScript -Page $script:Page -Expression $detailShown | Should -Be 'table-row'
            Invoke-PageScript -Page $script:Page -Expression "document.querySelector($($button | ConvertTo-Json)).getAttribute('aria-expanded')" | Should -Be 'true'
            $text = Invoke-PageScript -Page $script:Page -Expression "$details.innerText"
            foreach ($finding in $grace.Findings) {
                $text | Should -Match ([regex]::Escape($finding.Code))
                $text | Should -Match ([regex]::Escape($finding.Message))
            }
            $text | Should -Match 'Enable-SsprForAdmins'

            Invoke-PageClick -Page $script:Page -Selector $button
            Invoke-PageScript -Page $script:Page -Expression $detailShown | Should -Be 'none'
        }
    }

    Context 'without JavaScript, and in print' {
        It 'reads without JavaScript: every row and finding shown, no controls that could not work' {
            $plain = Open-TestPage -Browser $script:Browser -Url 'about:blank'
            try {
                Invoke-Cdp -Browser $script:Browser -Method 'Emulation.setScriptExecutionDisabled' -SessionId $plain.SessionId -Params @{ value = $true } | Out-Null
                Open-TestPageUrl -Page $plain -Url $script:ReportUrl
                Invoke-PageScript -Page $plain -Expression "document.documentElement.classList.contains('js')" | Should -BeFalse
                Invoke-PageScript -Page $plain -Expression "getComputedStyle(document.getElementById('controls')).display" | Should -Be 'none'
                Invoke-PageScript -Page $plain -Expression "Array.from(document.querySelectorAll('#predictions tr.detail')).filter(r => getComputedStyle(r).display === 'table-row').length" |
                    Should -Be $script:Predictions.Count
                Invoke-PageScript -Page $plain -Expression "document.querySelectorAll('#predictions thead button').length" | Should -Be 0
            }
            finally {
                Close-TestPage -Page $plain
            }
        }

        It 'prints every finding and no controls' {
            Invoke-Cdp -Browser $script:Browser -Method 'Emulation.setEmulatedMedia' -SessionId $script:Page.SessionId -Params @{ media = 'print' } | Out-Null
            try {
                Invoke-PageScript -Page $script:Page -Expression "getComputedStyle(document.getElementById('controls')).display" | Should -Be 'none'
                Invoke-PageScript -Page $script:Page -Expression "Array.from(document.querySelectorAll('#predictions tr.detail')).filter(r => getComputedStyle(r).display === 'table-row').length" |
                    Should -Be $script:Predictions.Count
            }
            finally {
                Invoke-Cdp -Browser $script:Browser -Method 'Emulation.setEmulatedMedia' -SessionId $script:Page.SessionId -Params @{ media = '' } | Out-Null
            }
        }
    }

    Context 'in the reader''s <_> colour scheme' -ForEach 'light', 'dark' {
        BeforeAll {
            $script:Scheme = $_
            $script:Themed = Open-TestPage -Browser $script:Browser -Url 'about:blank'
            Set-PageColorScheme -Page $script:Themed -Scheme $script:Scheme
            Open-TestPageUrl -Page $script:Themed -Url $script:ReportUrl
            # Every row open, so that findings, evidence and fixes are measured too.
            Invoke-PageScript -Page $script:Themed -Expression "document.querySelectorAll('#predictions button.expand').forEach(b => b.click())" | Out-Null
            $script:Contrast = Get-PageTextContrast -Page $script:Themed
        }
        AfterAll { Close-TestPage -Page $script:Themed }

        It 'follows the scheme: a <_> page' {
            if ($script:Scheme -eq 'dark') { $script:Contrast.pageLuminance | Should -BeLessThan 0.05 }
            else { $script:Contrast.pageLuminance | Should -BeGreaterThan 0.8 }
        }

        It 'gives all its text the contrast WCAG AA asks for (4.5:1, large text 3:1), findings included' {
            $findings = @($script:Predictions | ForEach-Object { $_.Findings }).Count
            @($script:Contrast.texts | Where-Object inFindings).Count | Should -BeGreaterOrEqual $findings -Because "all $findings findings are open"
            $tooFaint = @($script:Contrast.texts | Where-Object { $_.ratio -lt $_.required } |
                ForEach-Object { "$($_.where) '$($_.text)' $($_.ratio):1 (needs $($_.required):1)" })
            $tooFaint | Should -BeNullOrEmpty
        }

        It 'captures a screenshot in this scheme' {
            $resultsDirectory = if ($env:SSPRTOOLS_RESULTS_DIR) { $env:SSPRTOOLS_RESULTS_DIR } else { $TestDrive }
            $shotPath = Join-Path $resultsDirectory "report-$($script:Scheme).png"
            $shot = Save-PageScreenshot -Page $script:Themed -Path $shotPath
            $shot.Length | Should -BeGreaterThan 10KB
            Write-Host "Report screenshot ($($script:Scheme)): $shotPath"
        }
    }

    Context 'what the page did meanwhile' {
        It 'loaded nothing but the report file itself' {
            $requests = @(Get-PageEvent -Page $script:Page -Method 'Network.requestWillBeSent' | ForEach-Object { $_.params.request.url })
            $requests | Should -Contain $script:ReportUrl
            @($requests | Where-Object { $_ -ne $script:ReportUrl -and -not $_.StartsWith('data:') }) | Should -BeNullOrEmpty
        }

        It 'logged no error and threw no exception' {
            Get-PageEvent -Page $script:Page -Method 'Runtime.exceptionThrown' | Should -BeNullOrEmpty
            @(Get-PageEvent -Page $script:Page -Method 'Log.entryAdded' | Where-Object { $_.params.entry.level -eq 'error' } |
                ForEach-Object { $_.params.entry.text }) | Should -BeNullOrEmpty
            @(Get-PageEvent -Page $script:Page -Method 'Runtime.consoleAPICalled' | Where-Object { $_.params.type -in 'error', 'assert' }) |
                Should -BeNullOrEmpty
        }
    }
}
