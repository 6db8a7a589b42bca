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

    It 'installs with Save-PSResource and holds every file of the built module' {
        Save-PSResource -Name SsprTools -Repository $repository -Path $saved.FullName -TrustRepository -ErrorAction Stop
        $installed = Join-Path $saved.FullName "SsprTools/$version"
        Join-Path $installed 'SsprTools.psd1' | Should -Exist
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
}
