Set-StrictMode -Version Latest

# Issue 13, part 2: where Microsoft's pages decide nothing, Test-SsprAdminReset says so (Unknown, or a failure that
# names every SSPR error it could be) instead of a certain verdict. Each Context runs its own scenario from
# tests/module/scenarios/verdicts*.json through the Graph simulator; docs/rules.md records each decision and its source.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:Simulators = [System.Collections.Generic.List[object]]::new()
    function Start-VerdictTenant([string] $Name, [scriptblock] $Edit) {
        $path = Join-Path $PSScriptRoot "scenarios/$Name.json"
        if ($Edit) {
            $scenario = Get-Content -Raw -LiteralPath $path | ConvertFrom-Json
            & $Edit $scenario
            $path = Join-Path ([IO.Path]::GetTempPath()) ("sspr-{0}-{1}.json" -f $Name, [guid]::NewGuid().ToString('n'))
            $scenario | ConvertTo-Json -Depth 20 | Set-Content -LiteralPath $path
        }
        $simulator = Start-SsprSimulator -SimulatorPath $script:SimulatorPath -Scenario $path
        $script:Simulators.Add($simulator)
        Connect-TestTenant -Simulator $simulator | Out-Null
    }
}
AfterAll {
    Disconnect-SsprGraph
    $script:Simulators | Stop-SsprSimulator
}

Describe 'Test-SsprAdminReset where the documentation decides nothing' {
    Context 'a synchronized administrator and on-premises protected groups (SSPR_0029)' {
        BeforeAll {
            Start-VerdictTenant verdicts
            # Get-ADUser -Properties adminCount output: the objectGUID is Sam's source anchor (scenario description).
            $script:SamGuid = [guid] '5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'
        }

        It 'is Unknown with writeback enabled until protected groups are stated, and says how to state them' {
            $prediction = Test-SsprAdminReset -UserId sam.synced@contoso.com -PasswordWriteback Enabled
            $prediction.Outcome | Should -Be 'Unknown'
            $finding = $prediction.Findings | Where-Object Code -EQ 'SyncedAdminProtectedGroup'
            $finding.Severity | Should -Be 'Warning'
            $finding.Remediation | Should -Match '-OnPremisesProtectedAdmins None'
            $finding.Remediation | Should -Match 'Get-ADUser .* -Properties adminCount'
        }

        It 'fails with SSPR_0029 for a piped Get-ADUser object with adminCount 1' {
            $adUser = [pscustomobject]@{ ObjectGUID = $script:SamGuid; SamAccountName = 'ssynced'; adminCount = 1 }
            $prediction = $adUser | Test-SsprAdminReset -PasswordWriteback Enabled
            $prediction.UserPrincipalName | Should -Be 'sam.synced@contoso.com'
            $prediction.Outcome | Should -Be 'Fails'
            $prediction.PredictedError | Should -Be 'SSPR_0029'
            $finding = $prediction.Findings | Where-Object Code -EQ 'OnPremisesProtectedAccount'
            $finding.ErrorCode | Should -Be 'SSPR_0029'
            $finding.Evidence | Should -Match 'adminCount = 1; parameter -AdminCount'
        }

        It 'succeeds when the piped adminCount is empty (never protected), and the statement applies to that object only' {
            $never = [pscustomobject]@{ ObjectGUID = $script:SamGuid; adminCount = $null }
            ($never | Test-SsprAdminReset -PasswordWriteback Enabled).Outcome | Should -Be 'Succeeds'

            # The first object states adminCount 1; the second (another synchronized admin) has no adminCount property,
            # so nothing is stated for it.
            $predictions = @([pscustomobject]@{ UserPrincipalName = 'sam.synced@contoso.com'; adminCount = 1 },
                [pscustomobject]@{ UserPrincipalName = 'sid.synced@contoso.com' } | Test-SsprAdminReset -PasswordWriteback Enabled)
            ($predictions | Where-Object UserPrincipalName -EQ 'sam.synced@contoso.com').PredictedError | Should -Be 'SSPR_0029'
            $sid = $predictions | Where-Object UserPrincipalName -EQ 'sid.synced@contoso.com'
            $sid.Outcome | Should -Be 'Unknown'
            $sid.Findings.Code | Should -Contain 'SyncedAdminProtectedGroup'
        }

        It 'succeeds for every synchronized administrator with -OnPremisesProtectedAdmins None, and -AdminCount 1 still wins' {
            $sam = Test-SsprAdminReset -AllAdmins -PasswordWriteback Enabled -OnPremisesProtectedAdmins None | Where-Object UserPrincipalName -EQ 'sam.synced@contoso.com'
            $sam.Outcome | Should -Be 'Succeeds'
            ($sam.Findings | Where-Object Code -EQ 'OnPremisesProtectionStated').Evidence | Should -Match 'parameter -OnPremisesProtectedAdmins'
            (Test-SsprAdminReset -UserId sam.synced@contoso.com -AdminCount 1 -PasswordWriteback Enabled -OnPremisesProtectedAdmins None).PredictedError |
                Should -Be 'SSPR_0029'
        }

        It 'fails either way with writeback unstated and adminCount 1: SSPR_0029, or SSPR_0010 if writeback is off' {
            $prediction = Test-SsprAdminReset -UserId sam.synced@contoso.com -AdminCount 1
            $prediction.Outcome | Should -Be 'Fails'
            $prediction.PredictedError | Should -Be 'SSPR_0029'
            $prediction.AlternativeErrors | Should -Be @('SSPR_0010')
        }
    }

    Context 'Microsoft Authenticator beside a software OATH code' {
        BeforeAll { Start-VerdictTenant verdicts }

        It 'is Unknown for a two-gate administrator whose only other method may be the app''s own code' {
            $prediction = Test-SsprAdminReset -UserId otto.oath@contoso.com
            $prediction.Outcome | Should -Be 'Unknown'
            ($prediction.Findings | Where-Object Code -EQ 'AdminMethodsUndetermined').Message | Should -Match 'third-party OATH app'
        }
    }

    Context 'the user policy None and a user the policy does not enable (AlternativeErrors)' {
        BeforeAll { Start-VerdictTenant verdicts }

        It 'fails with SSPR_0009 and names SSPR_0011 for -SsprUserPolicy None' {
            $prediction = Test-SsprAdminReset -UserId nina.none@contoso.com -SsprUserPolicy None
            $prediction.Outcome | Should -Be 'Fails'
            $prediction.PredictedError | Should -Be 'SSPR_0009'
            $prediction.AlternativeErrors | Should -Be @('SSPR_0011')
            $prediction.Reason | Should -Match 'SSPR_0009 or SSPR_0011'
        }

        It 'keeps SSPR_0013 for a user outside the policy, with what policy None would show, while the policy is unstated' {
            $prediction = Test-SsprAdminReset -UserId nora.notenabled@contoso.com
            $prediction.PredictedError | Should -Be 'SSPR_0013'
            $prediction.AlternativeErrors | Should -Be @('SSPR_0009', 'SSPR_0011')
            (Test-SsprAdminReset -UserId nora.notenabled@contoso.com -SsprUserPolicy Selected).AlternativeErrors | Should -BeNullOrEmpty
        }

        It 'shows AlternativeErrors in the list view' {
            $text = Test-SsprAdminReset -UserId nina.none@contoso.com -SsprUserPolicy None | Format-List | Out-String -Width 200
            $text | Should -Match 'AlternativeErrors\s+: SSPR_0011'
        }

        It 'keeps AlternativeErrors through Export-Clixml and shows them in the report row' {
            $path = Join-Path $TestDrive 'predictions.xml'
            Test-SsprAdminReset -UserId nina.none@contoso.com -SsprUserPolicy None | Export-Clixml -LiteralPath $path
            $report = Import-Clixml -LiteralPath $path | Export-SsprReport -Path (Join-Path $TestDrive 'report.html') -PassThru
            (Get-Content -Raw -LiteralPath $report.FullName) | Should -Match '<span class="meaning alternatives">or <code[^>]*>SSPR_0011</code></span>'
        }
    }

    Context 'a trial within its first 30 days with a custom domain (one or two gates)' {
        BeforeAll {
            Start-VerdictTenant verdicts-young-trial {
                param($scenario)
                $scenario.subscriptions[0].createdDateTime = [DateTimeOffset]::UtcNow.AddDays(-10).ToString('o')
            }
        }

        It 'is Unknown for an administrator with one method, naming both lists' {
            $prediction = Test-SsprAdminReset -UserId tina.trial@contoso.com
            $prediction.Outcome | Should -Be 'Unknown'
            $message = ($prediction.Findings | Where-Object Code -EQ 'AdminMethodsUndetermined').Message
            $message | Should -Match '1 or 2 methods'
            $message | Should -Match 'within the first 30 days of a trial'
            $message | Should -Match 'a custom domain is configured'
        }
    }

    Context 'Microsoft 365 Business Standard without Entra ID P1/P2' {
        BeforeAll { Start-VerdictTenant verdicts-business-standard }

        It 'leaves an administrator with an office phone and an email Unknown: "free versions" is not defined' {
            $prediction = Test-SsprAdminReset -UserId olive.office@contoso.com
            $prediction.Outcome | Should -Be 'Unknown'
            ($prediction.Findings | Where-Object Code -EQ 'AdminMethodsUndetermined').Message | Should -Match 'office phone counts is unknown'
        }

        It 'leaves an administrator Unknown whose methods API lists Microsoft Authenticator and a software OATH method' {
            $prediction = Test-SsprAdminReset -UserId oscar.oath@contoso.com
            $prediction.Outcome | Should -Be 'Unknown'
            $finding = $prediction.Findings | Where-Object Code -EQ 'AdminMethodsUndetermined'
            $finding.Message | Should -Match 'third-party OATH app'
            $finding.Evidence | Should -Match 'softwareOathAuthenticationMethod'
        }

        It 'licenses a member''s cloud-only reset when the subscription is paid' {
            (Test-SsprAdminReset -UserId mia.member@contoso.com -SsprUserPolicy All).Findings.Code | Should -Not -Contain 'TenantLicenceUndetermined'
        }
    }

    Context 'a Microsoft 365 trial without Entra ID P1/P2' {
        BeforeAll { Start-VerdictTenant verdicts-m365-trial }

        It 'leaves the licence undecided, quoting "doesn''t work with Microsoft 365 trial"' {
            $prediction = Test-SsprAdminReset -UserId mia.member@contoso.com -SsprUserPolicy All
            $prediction.Outcome | Should -Be 'Unknown'
            $finding = $prediction.Findings | Where-Object Code -EQ 'TenantLicenceUndetermined'
            $finding.Message | Should -Match "doesn't work with Microsoft 365 trial"
            $finding.Evidence | Should -Match 'O365_BUSINESS_PREMIUM \(Enabled, trial\)'
        }
    }
}

Describe 'Invoke-SsprAcceptance with on-premises protected groups stated' {
    BeforeAll { Start-VerdictTenant verdicts }

    It 'passes -OnPremisesProtectedAdmins through to the writeback check of a synchronized administrator' {
        # Pester cannot run inside a running Pester: the acceptance runs happen in a fresh pwsh.
        $simulator = $script:Simulators[-1]
        $result = Invoke-FreshPwsh -Environment @{
            SSPR_MODULE = $script:ModulePath; SSPR_PESTER = $script:PesterPath; SSPR_URL = $simulator.BaseUrl; SSPR_TOKEN = $simulator.Token
        } -Script @'
$ErrorActionPreference = 'Stop'
Import-Module $env:SSPR_PESTER
Import-Module $env:SSPR_MODULE
Connect-SsprGraph -GraphEndpoint $env:SSPR_URL -AccessToken (ConvertTo-SecureString $env:SSPR_TOKEN -AsPlainText -Force) | Out-Null
$name = 'sam.synced@contoso.com can write back a new password'
$unstated = Invoke-SsprAcceptance -Output None -PasswordWriteback Enabled
$stated = Invoke-SsprAcceptance -Output None -PasswordWriteback Enabled -OnPremisesProtectedAdmins None
@{
    Unstated = "$(($unstated.Tests | Where-Object ExpandedName -EQ $name).Result)"
    Stated = "$(($stated.Tests | Where-Object ExpandedName -EQ $name).Result)"
} | ConvertTo-Json
exit 0
'@
        $result.Unstated | Should -Be 'Inconclusive'
        $result.Stated | Should -Be 'Passed'
    }
}
