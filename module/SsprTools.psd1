@{
    RootModule           = 'SsprTools.dll'
    # Stamped by build.ps1 from <Version> in Directory.Build.props (the one place for the version).
    ModuleVersion        = '0.2.0'
    # Only what CI runs: PowerShell 7.4+ on .NET 8+. Windows PowerShell 5.1 is built for (netstandard2.0,
    # an AssemblyResolve path) but never tested, so not claimed; 5.1 users run it from pwsh (README).
    CompatiblePSEditions = @('Core')
    GUID                 = '6737dd60-6eae-4713-a8bc-bf45abf3e3dd'
    Author               = 'SsprTools contributors'
    CompanyName          = 'SsprTools'
    Copyright            = '(c) 2026 SsprTools contributors. MIT License.'
    Description          = 'Predicts whether Microsoft Entra ID self-service password reset (SSPR) will work for administrators and users, which SSPR error they would get (SSPR_0009, 0010, 0012, 0014, ...) and why, and safely turns on SSPR for administrators (authorizationPolicy.allowedToUseSSPR) through Microsoft Graph.'
    PowerShellVersion    = '7.4'
    # The output types, in the default load context before the cmdlets load (no dependencies of their own).
    RequiredAssemblies   = @('SsprTools.Model.dll')
    FormatsToProcess     = @('SsprTools.format.ps1xml')
    CmdletsToExport      = @(
        'Connect-SsprGraph'
        'Disconnect-SsprGraph'
        'Get-SsprConnection'
        'Get-SsprAdminPolicy'
        'Enable-SsprForAdmins'
        'Disable-SsprForAdmins'
        'Get-SsprAdmin'
        'Test-SsprAdminReset'
        'Export-SsprReport'
        'Invoke-SsprAcceptance'
        'Get-SsprResetActivity'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('EntraID', 'AzureAD', 'SSPR', 'PasswordReset', 'MicrosoftGraph', 'Identity', 'SSPR_009', 'PSEdition_Core')
            LicenseUri   = 'https://opensource.org/licenses/MIT'
            ProjectUri   = 'https://github.com/ssprtools/SsprTools'
            ReleaseNotes = '0.2.0: Export-SsprReport (self-contained HTML report), Invoke-SsprAcceptance (bundled Pester checks with NUnit/JUnit output), -UserId tab completion from the tenant, Outcome colour. See CHANGELOG.md.'
        }
    }
}
