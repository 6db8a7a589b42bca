# Invoke-SsprAcceptance and the bundled checks (module/Acceptance) as an admin runs them. Pester
# cannot run inside a running Pester, so every acceptance run happens in a fresh pwsh that imports
# Pester and the module under test; it prints a JSON summary the tests below assert on. Expected
# verdicts come from Test-SsprAdminReset on the same simulated tenant, read here in the parent.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')

    # Functions every child script starts with. The summary keeps only executed tests, each with
    # the tags of the blocks around it and Pester's message (failure, or the inconclusive reason).
    $script:ChildPrelude = @'
$ErrorActionPreference = 'Stop'
$WarningPreference = 'SilentlyContinue'
if ($env:SSPR_PESTER) { Import-Module $env:SSPR_PESTER }
Import-Module $env:SSPR_MODULE
function Connect-Simulator {
    Connect-SsprGraph -GraphEndpoint $env:SSPR_URL -AccessToken (ConvertTo-SecureString $env:SSPR_TOKEN -AsPlainText -Force) | Out-Null
}
function Get-EffectiveTag($Test) {
    $tags = @($Test.Tag)
    for ($block = $Test.Block; $block; $block = $block.Parent) { $tags += @($block.Tag) }
    @($tags | Where-Object { $_ })
}
function ConvertTo-RunSummary($Output) {
    $run = @($Output)[0]
    @{
        Objects = @($Output).Count; TypeName = $run.PSObject.TypeNames[0]
        Total = $run.TotalCount; Passed = $run.PassedCount; Failed = $run.FailedCount
        Inconclusive = $run.InconclusiveCount; Skipped = $run.SkippedCount; NotRun = $run.NotRunCount
        Containers = @($run.Containers | ForEach-Object { "$($_.Item)" })
        Tests = @($run.Tests | Where-Object Executed | ForEach-Object {
            @{ Name = $_.ExpandedName; Context = $_.Block.ExpandedName; Result = "$($_.Result)"; Tags = @(Get-EffectiveTag $_)
               Message = (@($_.ErrorRecord | ForEach-Object { $_.Exception.Message }) -join "`n") }
        })
    }
}
'@

    function Invoke-AcceptanceChild {
        # Runs $Body after the prelude in a fresh pwsh; $Body's last output is the JSON to return.
        param([Parameter(Mandatory)] [string] $Body, [hashtable] $Environment = @{}, [switch] $WithoutPester)
        $environment = @{ SSPR_MODULE = $script:ModulePath; SSPR_PESTER = $(if (-not $WithoutPester) { $script:PesterPath }) } + $Environment
        Invoke-FreshPwsh -Environment $environment -Script ($script:ChildPrelude + "`n" + $Body + "`nexit 0")
    }

    function Get-CheckTest {
        # The executed tests of one Context of a run summary, by their expanded names.
        param([Parameter(Mandatory)] $Summary, [Parameter(Mandatory)] [string] $Context)
        @($Summary.Tests | Where-Object Context -EQ $Context)
    }

    function Get-ExpectedResult([string] $Outcome) {
        switch ($Outcome) { 'Succeeds' { 'Passed' } 'Fails' { 'Failed' } default { 'Inconclusive' } }
    }

    function New-WorkFolder {
        New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) ("sspr-acceptance-{0}" -f [guid]::NewGuid().ToString('n')))
    }
}

Describe 'Invoke-SsprAcceptance' {
    Context 'a tenant with SSPR for administrators off (seed)' {
        BeforeAll {
            $simulator = Start-SsprSimulator -SimulatorPath $script:SimulatorPath -Scenario seed
            Connect-TestTenant -Simulator $simulator | Out-Null
            # The facts the checks read: writeback and user policy not stated.
            $predictions = @(Test-SsprAdminReset -AllAdmins)
            Disconnect-SsprGraph
            $work = New-WorkFolder
            $child = Invoke-AcceptanceChild -Environment @{ SSPR_URL = $simulator.BaseUrl; SSPR_TOKEN = $simulator.Token; SSPR_WORK = $work.FullName } -Body @'
$notConnected = try { Invoke-SsprAcceptance -Output None -OutputPath (Join-Path $env:SSPR_WORK 'never.xml'); @{ ErrorId = $null } }
    catch { @{ ErrorId = $_.FullyQualifiedErrorId; Category = "$($_.CategoryInfo.Category)" } }
$checks = Join-Path (Get-Module SsprTools).ModuleBase 'Acceptance'
$unread = Invoke-Pester -Path $checks -PassThru -Output None
Connect-Simulator
$all = Invoke-SsprAcceptance -Output None -OutputFormat JUnitXml -OutputPath (Join-Path $env:SSPR_WORK 'results/sspr.junit.xml')
$switchOnly = Invoke-SsprAcceptance -Output None -Tag AdminSwitch
$noLicence = Invoke-SsprAcceptance -Output None -ExcludeTag Licence

# The README way: the bundled checks folder beside a suite of the admin's own.
$own = New-Item -ItemType Directory -Path (Join-Path $env:SSPR_WORK 'own')
Set-Content -LiteralPath (Join-Path $own 'Baseline.Tests.ps1') -Value @"
Describe 'Our tenant baseline' {
    It 'knows which tenant it checks' { (Get-SsprConnection).TenantId | Should -Not -BeNullOrEmpty }
}
"@
$suite = Invoke-Pester -Path $own.FullName, $checks -PassThru -Output None
$stated = Invoke-Pester -Container (New-PesterContainer -Path $checks -Data @{ PasswordWriteback = 'Enabled'; OnPremisesProtectedAdmins = 'None' }) -PassThru -Output None

@{
    NotConnected = $notConnected; Unread = ConvertTo-RunSummary $unread
    All = ConvertTo-RunSummary $all; SwitchOnly = ConvertTo-RunSummary $switchOnly; NoLicence = ConvertTo-RunSummary $noLicence
    Suite = ConvertTo-RunSummary $suite; Stated = ConvertTo-RunSummary $stated
} | ConvertTo-Json -Depth 8
'@
        }
        AfterAll {
            $simulator | Stop-SsprSimulator
            Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
        }

        It 'stops with NotConnected before any Pester run when not connected' {
            $child.NotConnected.ErrorId | Should -Be 'NotConnected,SsprTools.Commands.InvokeSsprAcceptanceCommand'
            $child.NotConnected.Category | Should -Be 'ConnectionError'
            Join-Path $work 'never.xml' | Should -Not -Exist
        }

        It 'reports an unreadable tenant as one failed check, not a discovery error, when Invoke-Pester runs the checks unconnected' {
            @($child.Unread.Tests.Name) | Should -Be @('reads the tenant')
            $child.Unread.Tests[0].Result | Should -Be 'Failed'
            $child.Unread.Tests[0].Message | Should -Match 'NotConnected'
            $child.Unread.Tests[0].Message | Should -Match 'Connect-SsprGraph'
        }

        It 'returns one Pester result, with the failed checks counted instead of thrown' {
            $child.All.Objects | Should -Be 1
            $child.All.TypeName | Should -Be 'Pester.Run'
            $child.All.Failed | Should -BeGreaterThan 0
            $child.All.Failed | Should -Be @($child.All.Tests | Where-Object Result -EQ 'Failed').Count
        }

        It 'fails "SSPR for administrators is turned on", naming SSPR_0009 and Enable-SsprForAdmins' {
            $check = @($child.All.Tests | Where-Object Name -EQ 'SSPR for administrators is turned on')
            $check.Count | Should -Be 1
            $check[0].Result | Should -Be 'Failed'
            $check[0].Message | Should -Match 'SSPR_0009'
            $check[0].Message | Should -Match 'Enable-SsprForAdmins'
            $check[0].Tags | Should -Contain 'AdminSwitch'
        }

        It 'has one reset check per administrator, failing with the predicted error where Test-SsprAdminReset predicts a failure' {
            $checks = Get-CheckTest $child.All 'Every administrator can reset their own password'
            @($checks.Name | Sort-Object) | Should -Be @($predictions | ForEach-Object { "$($_.UserPrincipalName) can reset their own password" } | Sort-Object)
            foreach ($prediction in $predictions) {
                $check = $checks | Where-Object Name -EQ "$($prediction.UserPrincipalName) can reset their own password"
                $check.Result | Should -Be (Get-ExpectedResult $prediction.Outcome) -Because $prediction.UserPrincipalName
                if ($prediction.Outcome -eq 'Fails') {
                    $check.Message | Should -Match $prediction.PredictedError
                    $check.Message | Should -Match ([regex]::Escape($prediction.Reason))
                }
            }
        }

        It 'fails the two-methods check only for the administrator with one method (henry.helpdesk)' {
            $oneMethod = @($predictions | Where-Object { $_.Findings.Code -contains 'AdminTooFewMethods' }).UserPrincipalName
            $oneMethod | Should -Be @('henry.helpdesk@contoso.com') -Because 'in seed Henry has only Microsoft Authenticator'
            $checks = Get-CheckTest $child.All 'Every administrator has two methods the administrator policy accepts'
            $checks.Count | Should -Be $predictions.Count
            $failed = @($checks | Where-Object Result -EQ 'Failed')
            $failed.Name | Should -Be @('henry.helpdesk@contoso.com has the methods the administrator policy requires')
            $failed[0].Message | Should -Match 'SSPR_0014'
            $failed[0].Message | Should -Match 'aka\.ms/ssprsetup'
            @($checks | Where-Object Result -EQ 'Passed').Count | Should -Be ($checks.Count - 1)
        }

        It 'checks writeback for synchronized administrators only, inconclusive with the hint while it is not stated' {
            $synced = @($predictions | Where-Object IsSynced | ForEach-Object { "$($_.UserPrincipalName) can write back a new password" } | Sort-Object)
            $synced.Count | Should -BeGreaterThan 0
            $checks = Get-CheckTest $child.All 'Synced administrators can write back passwords'
            @($checks.Name | Sort-Object) | Should -Be $synced
            foreach ($check in $checks) {
                $check.Result | Should -Be 'Inconclusive'
                $check.Message | Should -Match '-PasswordWriteback'
            }
        }

        It 'passes the writeback checks once New-PesterContainer -Data states writeback Enabled and no protected-group admin' {
            $checks = Get-CheckTest $child.Stated 'Synced administrators can write back passwords'
            $checks.Count | Should -Be @($predictions | Where-Object IsSynced).Count
            $checks.Result | Sort-Object -Unique | Should -Be 'Passed'
        }

        It 'checks every administrator''s licence' {
            $checks = Get-CheckTest $child.All 'Every administrator is licensed for SSPR'
            $checks.Count | Should -Be $predictions.Count
            foreach ($prediction in $predictions) {
                $expected = if ($prediction.Findings.Code -contains 'TenantNotLicensed') { 'Failed' } else { 'Passed' }
                ($checks | Where-Object Name -EQ "$($prediction.UserPrincipalName) is licensed for SSPR").Result | Should -Be $expected
            }
        }

        It 'writes a JUnit XML file, in a folder it creates, that matches the result' {
            $path = Join-Path $work 'results/sspr.junit.xml'
            $path | Should -Exist
            [xml] $junit = Get-Content -Raw -LiteralPath $path
            $child.All.NotRun | Should -Be 0
            [int] $junit.testsuites.tests | Should -Be $child.All.Total
            @($junit.SelectNodes('//testcase')).Count | Should -Be $child.All.Total
            [int] $junit.testsuites.failures | Should -Be $child.All.Failed
            @($junit.SelectNodes('//testcase[failure]')).Count | Should -Be $child.All.Failed
        }

        It 'runs only the switch check with -Tag AdminSwitch' {
            @($child.SwitchOnly.Tests.Name) | Should -Be @('SSPR for administrators is turned on')
            $child.SwitchOnly.NotRun | Should -Be ($child.All.Total - 1)
        }

        It 'leaves out the checks of an -ExcludeTag' {
            $licence = @($child.All.Tests | Where-Object { $_.Tags -contains 'Licence' })
            $licence.Count | Should -Be $predictions.Count
            @($child.NoLicence.Tests | Where-Object { $_.Tags -contains 'Licence' }).Count | Should -Be 0
            $child.NoLicence.Tests.Count | Should -Be ($child.All.Total - $licence.Count)
        }

        It 'runs beside an admin''s own tests in one Invoke-Pester run, as the README shows' {
            $child.Suite.Containers.Count | Should -Be 2
            $child.Suite.Tests.Name | Should -Contain 'knows which tenant it checks'
            $child.Suite.Tests.Name | Should -Contain 'SSPR for administrators is turned on'
            ($child.Suite.Tests | Where-Object Name -EQ 'knows which tenant it checks').Result | Should -Be 'Passed'
            $child.Suite.Total | Should -Be ($child.All.Total + 1)
        }
    }

    Context 'a healthy tenant' {
        BeforeAll {
            $simulator = Start-SsprSimulator -SimulatorPath $script:SimulatorPath -Scenario healthy
            Connect-TestTenant -Simulator $simulator | Out-Null
            $unstated = @(Test-SsprAdminReset -AllAdmins)
            $eligible = @(Test-SsprAdminReset -AllAdmins -IncludeEligible | Where-Object IsAdmin -EQ $false)
            Disconnect-SsprGraph
            $work = New-WorkFolder
            $child = Invoke-AcceptanceChild -Environment @{ SSPR_URL = $simulator.BaseUrl; SSPR_TOKEN = $simulator.Token; SSPR_WORK = $work.FullName } -Body @'
Connect-Simulator
$stated = Invoke-SsprAcceptance -Output None -PasswordWriteback Enabled -OnPremisesProtectedAdmins None -IncludeEligible -OutputPath (Join-Path $env:SSPR_WORK 'sspr.nunit.xml')
$unstated = Invoke-SsprAcceptance -Output None
@{ Stated = ConvertTo-RunSummary $stated; Unstated = ConvertTo-RunSummary $unstated } | ConvertTo-Json -Depth 8
'@
        }
        AfterAll {
            $simulator | Stop-SsprSimulator
            Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
        }

        It 'passes every check when writeback and protected groups are stated, PIM-eligible administrators included' {
            $child.Stated.Total | Should -BeGreaterThan 0
            $child.Stated.Failed | Should -Be 0
            $child.Stated.Passed | Should -Be $child.Stated.Total
            $eligible.Count | Should -BeGreaterThan 0 -Because 'in healthy Paul is PIM-eligible'
            $checks = Get-CheckTest $child.Stated 'PIM-eligible administrators can reset their own password'
            @($checks.Name | Sort-Object) | Should -Be @($eligible | ForEach-Object { "$($_.UserPrincipalName) can reset their own password, with or without an active role" } | Sort-Object)
        }

        It 'writes an NUnit XML file (the default format) that matches the result' {
            $path = Join-Path $work 'sspr.nunit.xml'
            $path | Should -Exist
            [xml] $nunit = Get-Content -Raw -LiteralPath $path
            [int] $nunit.'test-results'.total | Should -Be $child.Stated.Total
            @($nunit.SelectNodes('//test-case')).Count | Should -Be $child.Stated.Total
            [int] $nunit.'test-results'.failures | Should -Be $child.Stated.Failed
        }

        It 'reports a reset SsprTools cannot predict as Inconclusive with the reason, not as Failed' {
            $unknown = @($unstated | Where-Object Outcome -EQ 'Unknown')
            $unknown.Count | Should -BeGreaterThan 0 -Because 'synchronized admins are Unknown while writeback is not stated'
            $checks = Get-CheckTest $child.Unstated 'Every administrator can reset their own password'
            foreach ($prediction in $unstated) {
                $check = $checks | Where-Object Name -EQ "$($prediction.UserPrincipalName) can reset their own password"
                $check.Result | Should -Be (Get-ExpectedResult $prediction.Outcome) -Because $prediction.UserPrincipalName
                if ($prediction.Outcome -eq 'Unknown') { $check.Message | Should -Match ([regex]::Escape($prediction.Reason)) }
            }
            $child.Unstated.Failed | Should -Be 0
        }
    }

    Context 'a tenant whose administrators are all PIM-eligible' {
        BeforeAll {
            # The seed tenant with only the eligible role holder left: no standing administrators.
            $scenario = Get-Content -Raw (Join-Path (Split-Path $script:SimulatorPath) 'Scenarios/seed.json') | ConvertFrom-Json
            $scenario.roles = @($scenario.roles | Where-Object assignment -EQ 'eligible')
            $scenario | Add-Member -NotePropertyName signedInUser -NotePropertyValue 'alex.wilber@contoso.com' -Force
            $work = New-WorkFolder
            $scenarioFile = Join-Path $work 'no-standing-admins.json'
            $scenario | ConvertTo-Json -Depth 20 | Set-Content -LiteralPath $scenarioFile
            $simulator = Start-SsprSimulator -SimulatorPath $script:SimulatorPath -Scenario $scenarioFile
            $child = Invoke-AcceptanceChild -Environment @{ SSPR_URL = $simulator.BaseUrl; SSPR_TOKEN = $simulator.Token } -Body @'
Connect-Simulator
@{ Active = ConvertTo-RunSummary (Invoke-SsprAcceptance -Output None); Eligible = ConvertTo-RunSummary (Invoke-SsprAcceptance -Output None -IncludeEligible) } |
    ConvertTo-Json -Depth 8
'@
        }
        AfterAll {
            $simulator | Stop-SsprSimulator
            Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
        }

        It 'reports one skipped check that points to -IncludeEligible, beside the switch check' {
            @($child.Active.Tests.Name | Sort-Object) | Should -Be @('has administrators with an active role to check', 'SSPR for administrators is turned on' | Sort-Object)
            $skipped = $child.Active.Tests | Where-Object Name -EQ 'has administrators with an active role to check'
            $skipped.Result | Should -Be 'Skipped'
            $skipped.Message | Should -Match '-IncludeEligible'
        }

        It 'checks the eligible administrator with -IncludeEligible' {
            $checks = Get-CheckTest $child.Eligible 'PIM-eligible administrators can reset their own password'
            $checks.Name | Should -Be @('paul.pim@contoso.com can reset their own password, with or without an active role')
            $checks[0].Result | Should -Be 'Failed' -Because 'with the switch off, activating the role would give SSPR_0009'
            $checks[0].Message | Should -Match 'Enable-SsprForAdmins'
        }
    }

    Context 'without Pester 5.1 or later' {
        BeforeAll {
            $child = Invoke-AcceptanceChild -WithoutPester -Body @'
# Only PowerShell's own modules are findable, and Pester is not loaded.
$env:PSModulePath = Join-Path $PSHOME 'Modules'
$installed = @(Get-Module -ListAvailable Pester).Count
try { Invoke-SsprAcceptance -Output None; $caught = $null } catch { $caught = $_ }
@{
    Installed = $installed; ErrorId = $caught.FullyQualifiedErrorId; Category = "$($caught.CategoryInfo.Category)"
    Message = $caught.Exception.Message; Action = $caught.ErrorDetails.RecommendedAction
} | ConvertTo-Json
'@
        }

        It 'stops with PesterNotFound (ObjectNotFound) and says how to install Pester' {
            $child.Installed | Should -Be 0 -Because 'the test needs a session where no Pester can be found'
            $child.ErrorId | Should -Be 'PesterNotFound,SsprTools.Commands.InvokeSsprAcceptanceCommand'
            $child.Category | Should -Be 'ObjectNotFound'
            $child.Message | Should -Match 'Pester 5\.1\.0 or later'
            $child.Action | Should -Match 'Install-PSResource Pester'
            $child.Action | Should -Match 'Install-Module Pester -MinimumVersion'
        }
    }
}

Describe 'Invoke-SsprAcceptance: the Activity check (audit log)' -Tag 'Activity' {
    BeforeAll {
        $simulator = Start-SsprSimulator -SimulatorPath $script:SimulatorPath -Scenario activity
        $noAudit = New-SsprSimulatorToken -Simulator $simulator -Scopes 'Policy.Read.All', 'RoleManagement.Read.Directory', 'User.Read.All', 'GroupMember.Read.All', 'Organization.Read.All', 'LicenseAssignment.Read.All'
        $child = Invoke-AcceptanceChild -Environment @{ SSPR_URL = $simulator.BaseUrl; SSPR_TOKEN = $simulator.Token; SSPR_NOAUDIT = $noAudit } -Body @'
Connect-Simulator
$week = Invoke-SsprAcceptance -Output None -Tag Activity
$month = Invoke-SsprAcceptance -Output None -Tag Activity -ActivityDays 30
Connect-SsprGraph -GraphEndpoint $env:SSPR_URL -AccessToken (ConvertTo-SecureString $env:SSPR_NOAUDIT -AsPlainText -Force) | Out-Null
$unreadable = Invoke-SsprAcceptance -Output None -Tag Activity, AdminSwitch
@{ Week = ConvertTo-RunSummary $week; Month = ConvertTo-RunSummary $month; Unreadable = ConvertTo-RunSummary $unreadable } | ConvertTo-Json -Depth 8
'@
    }
    AfterAll { $simulator | Stop-SsprSimulator }

    It 'fails for the administrator whose reset failed in the window, naming the error and the reason, and passes the others' {
        $checks = Get-CheckTest $child.Week 'No administrator failed a self-service reset in the last 7 days'
        $grace = $checks | Where-Object Name -EQ 'grace.admin@contoso.com did not fail a self-service reset in the last 7 days'
        $grace.Result | Should -Be 'Failed'
        $grace.Message | Should -Match 'SSPR_0009'
        $grace.Message | Should -Match 'disabled entirely for this tenant'
        $grace.Tags | Should -Contain 'Activity'
        @($checks | Where-Object Name -Like 'henry.helpdesk*').Result | Should -Be 'Passed'
    }

    It 'looks further back with -ActivityDays: Gina''s failure 20 days ago fails the 30-day check only' {
        (Get-CheckTest $child.Week 'No administrator failed a self-service reset in the last 7 days' | Where-Object Name -Like 'gina.group*').Result | Should -Be 'Passed'
        (Get-CheckTest $child.Month 'No administrator failed a self-service reset in the last 30 days' | Where-Object Name -Like 'gina.group*').Result | Should -Be 'Failed'
    }

    It 'is Inconclusive, naming AuditLog.Read.All, when the audit log cannot be read, and the other checks still run' {
        $activity = @(Get-CheckTest $child.Unreadable 'No administrator failed a self-service reset in the last 7 days')
        $activity.Count | Should -BeGreaterThan 0
        $activity.Result | Sort-Object -Unique | Should -Be 'Inconclusive'
        $activity[0].Message | Should -Match 'AuditLog.Read.All'
        ($child.Unreadable.Tests | Where-Object Name -EQ 'SSPR for administrators is turned on').Result | Should -Be 'Failed'
    }
}
