# The output types users name and pipe live in SsprTools.Model.dll, in PowerShell's default load context beside the
# cmdlets, so type literals, -is, [OutputType] and property completion see the very types the isolated engine returns.
Set-StrictMode -Version Latest

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:tenant = Start-SsprSimulator -SimulatorPath $script:SimulatorPath -Scenario seed
    Connect-TestTenant -Simulator $script:tenant | Out-Null
    $script:predictions = @(Test-SsprAdminReset -AllAdmins)
}
AfterAll {
    Disconnect-SsprGraph
    $script:tenant | Stop-SsprSimulator
}

Describe 'Output types users can name' {
    It 'resolves the type literal [SsprTools.Model.<Name>]' -ForEach @(
        @{ Name = 'ResetPrediction' }, @{ Name = 'Finding' }, @{ Name = 'SsprAdmin' }, @{ Name = 'AdminRoleHolding' },
        @{ Name = 'AdminPolicy' }, @{ Name = 'PolicyChange' }, @{ Name = 'SsprConnection' }
    ) {
        $type = "SsprTools.Model.$Name" -as [type]
        $type | Should -Not -BeNullOrEmpty
        $type.Assembly.GetName().Name | Should -Be 'SsprTools.Model'
    }

    It 'loads the model once, in the default context beside the cmdlets, not in the engine''s context' {
        $type = [SsprTools.Model.ResetPrediction]
        [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($type.Assembly) |
            Should -Be ([System.Runtime.Loader.AssemblyLoadContext]::Default)
        Split-Path $type.Assembly.Location | Should -Be (Split-Path (Get-Module SsprTools).Path)
        @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'SsprTools.Model' }).Count | Should -Be 1
        Test-Path (Join-Path (Split-Path (Get-Module SsprTools).Path) 'Dependencies/SsprTools.Model.dll') | Should -BeFalse
    }

    It 'returns predictions that are [SsprTools.Model.ResetPrediction], with findings of [SsprTools.Model.Finding]' {
        $script:predictions.Count | Should -BeGreaterThan 0
        $script:predictions | ForEach-Object { $_ -is [SsprTools.Model.ResetPrediction] | Should -BeTrue }
        $script:predictions[0].Findings[0] -is [SsprTools.Model.Finding] | Should -BeTrue
        (Get-SsprAdmin)[0] -is [SsprTools.Model.SsprAdmin] | Should -BeTrue
        Get-SsprAdminPolicy | Should -BeOfType ([SsprTools.Model.AdminPolicy])
        Get-SsprConnection | Should -BeOfType ([SsprTools.Model.SsprConnection])
    }

    It 'declares <Command> as returning <Type>' -ForEach @(
        @{ Command = 'Test-SsprAdminReset'; Type = 'SsprTools.Model.ResetPrediction' }
        @{ Command = 'Get-SsprAdmin'; Type = 'SsprTools.Model.SsprAdmin' }
        @{ Command = 'Get-SsprAdminPolicy'; Type = 'SsprTools.Model.AdminPolicy' }
        @{ Command = 'Enable-SsprForAdmins'; Type = 'SsprTools.Model.PolicyChange' }
        @{ Command = 'Disable-SsprForAdmins'; Type = 'SsprTools.Model.PolicyChange' }
        @{ Command = 'Connect-SsprGraph'; Type = 'SsprTools.Model.SsprConnection' }
        @{ Command = 'Get-SsprConnection'; Type = 'SsprTools.Model.SsprConnection' }
    ) {
        $declared = @((Get-Command $Command).OutputType)
        $declared.Count | Should -Be 1
        $declared[0].Type | Should -Be ($Type -as [type])
    }

    It 'completes <Typed> after a pipe with <Expected>' -ForEach @(
        @{ Typed = 'Test-SsprAdminReset -AllAdmins | Where-Object Outc'; Expected = 'Outcome' }
        @{ Typed = 'Test-SsprAdminReset -AllAdmins | Select-Object PredictedE'; Expected = 'PredictedError' }
        @{ Typed = 'Get-SsprAdmin | Where-Object UserPr'; Expected = 'UserPrincipalName' }
    ) {
        $completion = TabExpansion2 -inputScript $Typed -cursorColumn $Typed.Length
        @($completion.CompletionMatches.CompletionText) | Should -Contain $Expected
    }

    It 'round trips predictions through Export-Clixml and Import-Clixml into Export-SsprReport' {
        $clixml = Join-Path $TestDrive 'predictions.clixml'
        $script:predictions | Export-Clixml -LiteralPath $clixml
        $back = @(Import-Clixml -LiteralPath $clixml)
        $back[0].PSObject.TypeNames[0] | Should -Be 'Deserialized.SsprTools.Model.ResetPrediction'
        $report = $back | Export-SsprReport -Path (Join-Path $TestDrive 'report.html') -PassThru
        $report | Should -BeOfType ([IO.FileInfo])
        Get-Content -Raw -LiteralPath $report.FullName | Should -Match 'grace\.admin@contoso\.com'
    }

    It 'still reads predictions saved by 0.2 under the old name SsprTools.Engine.Model.ResetPrediction' {
        # The CHANGELOG promises this: Export-SsprReport reads saved predictions by property, not by type name.
        $clixml = Join-Path $TestDrive 'old-name.xml'
        $script:predictions | Export-Clixml -LiteralPath $clixml
        Set-Content -LiteralPath $clixml -Value (Get-Content -Raw -LiteralPath $clixml).Replace('SsprTools.Model.', 'SsprTools.Engine.Model.')
        $readBack = @(Import-Clixml -LiteralPath $clixml)
        $readBack[0].PSObject.TypeNames[0] | Should -Be 'Deserialized.SsprTools.Engine.Model.ResetPrediction'

        $report = $readBack | Export-SsprReport -Path (Join-Path $TestDrive 'old-name.html') -PassThru -ErrorVariable reportErrors
        $reportErrors | Should -BeNullOrEmpty
        $html = Get-Content -Raw -LiteralPath $report.FullName
        foreach ($prediction in $script:predictions) { $html | Should -Match ([regex]::Escape($prediction.UserPrincipalName)) }
    }
}
