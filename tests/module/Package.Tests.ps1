BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    # The same steps as build.ps1 Package, on the module under test, into folders of our own:
    # publish to a temporary local repository, then Save-PSResource from it as a user would install.
    $moduleFolder = Split-Path $script:ModulePath
    $version = (Import-PowerShellDataFile -LiteralPath $script:ModulePath).ModuleVersion
    $work = Join-Path ([IO.Path]::GetTempPath()) ("sspr-package-{0}" -f [guid]::NewGuid().ToString('n'))
    $feed = New-Item -ItemType Directory -Force -Path (Join-Path $work 'feed')
    $saved = New-Item -ItemType Directory -Force -Path (Join-Path $work 'saved')
    # PSResourceGet keeps repositories in the user's profile: a unique name, unregistered in AfterAll.
    $repository = 'SsprTools-Test-{0}' -f [guid]::NewGuid().ToString('n')
    Register-PSResourceRepository -Name $repository -Uri $feed.FullName -Trusted
    $simulator = Start-SsprSimulator -SimulatorPath $script:SimulatorPath -Scenario seed
}
AfterAll {
    if ($simulator) { $simulator | Stop-SsprSimulator }
    if ($repository -and (Get-PSResourceRepository -Name $repository -ErrorAction SilentlyContinue)) {
        Unregister-PSResourceRepository -Name $repository
    }
    if ($work) { Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue }
}

Describe 'The SsprTools package' {
    It 'is published as a nupkg named after the manifest''s ModuleVersion' {
        Publish-PSResource -Path $moduleFolder -Repository $repository -ErrorAction Stop
        $packages = @(Get-ChildItem -LiteralPath $feed.FullName -Filter *.nupkg)
        $packages.Name | Should -Be @("SsprTools.$version.nupkg")
    }

    It 'tells a gallery search what CI tests: PowerShell 7.4 or later, Core edition only' {
        # Find-PSResource shows the manifest's tags; Windows PowerShell users must not be offered it.
        $found = Find-PSResource -Name SsprTools -Repository $repository -ErrorAction Stop
        $found.Tags | Should -Contain 'PSEdition_Core'
        $found.Tags | Should -Not -Contain 'PSEdition_Desktop'
    }

    It 'installs with Save-PSResource and holds every file of the built module' {
        Save-PSResource -Name SsprTools -Repository $repository -Path $saved.FullName -TrustRepository -ErrorAction Stop
        $installed = Join-Path $saved.FullName "SsprTools/$version"
        Join-Path $installed 'SsprTools.psd1' | Should -Exist
        $installedManifest = Import-PowerShellDataFile -LiteralPath (Join-Path $installed 'SsprTools.psd1')
        $installedManifest.PowerShellVersion | Should -Be '7.4'
        @($installedManifest.CompatiblePSEditions) | Should -Be @('Core')
        $relative = { param($root) Get-ChildItem -LiteralPath $root -Recurse -File | ForEach-Object { [IO.Path]::GetRelativePath($root, $_.FullName) } | Sort-Object }
        & $relative $installed | Should -Be (& $relative $moduleFolder)
    }

    It 'imports in a fresh pwsh from the install folder and runs its cmdlets' {
        $result = Invoke-FreshPwsh -Environment @{
            SSPR_SAVED = $saved.FullName; SSPR_URL = $simulator.BaseUrl; SSPR_TOKEN = $simulator.Token
        } -Script @'
$ErrorActionPreference = 'Stop'
# Installed modules are found by name on PSModulePath, as after Install-PSResource.
$env:PSModulePath = $env:SSPR_SAVED + [IO.Path]::PathSeparator + $env:PSModulePath
Import-Module SsprTools
$module = Get-Module SsprTools
$before = @(Get-SsprConnection)
Connect-SsprGraph -GraphEndpoint $env:SSPR_URL -AccessToken (ConvertTo-SecureString $env:SSPR_TOKEN -AsPlainText -Force) | Out-Null
$policy = Get-SsprAdminPolicy
Disconnect-SsprGraph
@{
    Base = $module.ModuleBase; Version = $module.Version.ToString(); Commands = @(Get-Command -Module SsprTools).Count
    ConnectionBefore = $before.Count; Allowed = $policy.AllowedToUseSspr
    HelpSynopsis = (Get-Help Get-SsprAdminPolicy).Synopsis
} | ConvertTo-Json
'@
        $result.Base | Should -BeLike (Join-Path $saved.FullName 'SsprTools*')
        $result.Version | Should -Be $version
        $result.Commands | Should -Be @((Import-PowerShellDataFile -LiteralPath $script:ModulePath).CmdletsToExport).Count
        $result.ConnectionBefore | Should -Be 0
        $result.Allowed | Should -BeFalse
        $result.HelpSynopsis | Should -Not -BeNullOrEmpty
    }

    It 'runs the README walkthrough, steps 3 to 5 as written, from the install folder' {
        # Steps 1 and 2 (install, sign in) are what this file does against the simulator; the rest
        # is cut from README.md verbatim, so the README cannot drift from what the module does.
        $readme = Get-Content -Raw -LiteralPath (Join-Path $PSScriptRoot '../../README.md')
        $block = [regex]::Match($readme, '(?s)## From install to report.*?```powershell\r?\n(.*?)```').Groups[1].Value
        $steps = $block.Substring($block.IndexOf('# 3.'))
        $steps | Should -Match 'Export-SsprReport' -Because 'the walkthrough ends with the report'
        $work = Join-Path $TestDrive 'walkthrough'
        New-Item -ItemType Directory -Path $work | Out-Null
        $walkthrough = Start-SsprSimulator -SimulatorPath $script:SimulatorPath -Scenario seed
        try {
            $result = Invoke-FreshPwsh -Environment @{
                SSPR_SAVED = $saved.FullName; SSPR_URL = $walkthrough.BaseUrl; SSPR_TOKEN = $walkthrough.Token
                SSPR_WORK = $work; SSPR_PESTER = $script:PesterPath; SSPR_STEPS = $steps
            } -Script @'
$ErrorActionPreference = 'Stop'
$env:PSModulePath = $env:SSPR_SAVED + [IO.Path]::PathSeparator + $env:PSModulePath
Import-Module $env:SSPR_PESTER
Import-Module SsprTools
Connect-SsprGraph -GraphEndpoint $env:SSPR_URL -AccessToken (ConvertTo-SecureString $env:SSPR_TOKEN -AsPlainText -Force) | Out-Null
Set-Location $env:SSPR_WORK
# Enable-SsprForAdmins asks first (ConfirmImpact High); here the user answers yes.
$ConfirmPreference = 'None'
$output = @(Invoke-Expression $env:SSPR_STEPS *>&1)
@{
    Predictions = @($output | Where-Object { $_.PSObject.TypeNames[0] -eq 'SsprTools.Model.ResetPrediction' } |
        ForEach-Object { @{ Upn = $_.UserPrincipalName; Error = $_.PredictedError } })
    Changes = @($output | Where-Object { $_.PSObject.TypeNames[0] -eq 'SsprTools.Model.PolicyChange' } | ForEach-Object { $_.After })
    Acceptance = @($output | Where-Object { $_.PSObject.TypeNames[0] -eq 'Pester.Run' } | ForEach-Object { @{ Passed = $_.PassedCount; Failed = $_.FailedCount } })
    Errors = @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | ForEach-Object { "$_" })
    Files = @(Get-ChildItem -Name)
    SwitchInReport = (Get-Content -Raw sspr-report.html) -match '<section[^>]*id="admin-switch"[^>]*data-state="on"'
} | ConvertTo-Json -Depth 4
'@
        }
        finally {
            $walkthrough | Stop-SsprSimulator
        }
        $result.Errors | Should -BeNullOrEmpty
        @($result.Predictions).Count | Should -BeGreaterThan 0
        $result.Predictions.Error | Should -Contain 'SSPR_0009' -Because 'step 3 runs before the fix in the seed tenant'
        $result.Changes | Should -Be @($true) -Because 'step 4 turns the switch on'
        $result.Files | Should -Contain 'sspr-report.html'
        $result.Files | Should -Contain 'sspr-checks.xml'
        $result.SwitchInReport | Should -BeTrue -Because 'the report is written after the fix'
        $result.Acceptance.Passed | Should -BeGreaterThan 0
    }
}
