BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
}

Describe 'The SsprTools module' {
    It 'exports exactly the public cmdlets' {
        $names = (Get-Command -Module SsprTools).Name | Sort-Object
        $names | Should -Be @('Connect-SsprGraph', 'Disable-SsprForAdmins', 'Enable-SsprForAdmins', 'Export-SsprReport', 'Get-SsprAdmin',
            'Get-SsprAdminPolicy', 'Get-SsprConnection', 'Disconnect-SsprGraph', 'Invoke-SsprAcceptance', 'Test-SsprAdminReset', 'Get-SsprResetActivity' | Sort-Object)
    }

    It 'carries the one version of Directory.Build.props in its manifest and its assemblies' {
        $props = [xml] (Get-Content -Raw (Join-Path $PSScriptRoot '../../Directory.Build.props'))
        $version = @($props.Project.PropertyGroup.Version | Where-Object { $_ })[0]
        $manifest = Import-PowerShellDataFile $script:ModulePath

        $manifest.ModuleVersion | Should -Be ($version -replace '-.*$')
        (Get-Module SsprTools).Version | Should -Be ([version] $manifest.ModuleVersion)
        $dll = Join-Path (Split-Path $script:ModulePath) 'SsprTools.dll'
        [Reflection.AssemblyName]::GetAssemblyName($dll).Version.ToString(3) | Should -Be $manifest.ModuleVersion
    }

    It 'has a manifest without wildcard exports' {
        $manifest = Import-PowerShellDataFile $script:ModulePath
        foreach ($key in 'CmdletsToExport', 'FunctionsToExport', 'AliasesToExport', 'VariablesToExport') {
            @($manifest[$key]) -join ',' | Should -Not -Match '\*'
        }
        $manifest.PrivateData.PSData.LicenseUri | Should -Not -BeNullOrEmpty
    }

    It 'claims only the PowerShell it is tested on: 7.4 or later, Core edition' {
        # CI runs every test on PowerShell 7 (Linux); nothing runs Windows PowerShell 5.1, so the
        # manifest does not claim Desktop, and the gallery tags follow the editions.
        $manifest = Import-PowerShellDataFile $script:ModulePath
        $manifest.PowerShellVersion | Should -Be '7.4'
        @($manifest.CompatiblePSEditions) | Should -Be @('Core')
        $manifest.PrivateData.PSData.Tags | Should -Contain 'PSEdition_Core'
        $manifest.PrivateData.PSData.Tags | Should -Not -Contain 'PSEdition_Desktop'
        # The host running these tests is one the manifest admits, so the claim is what was tested.
        $PSVersionTable.PSVersion | Should -BeGreaterOrEqual ([version] $manifest.PowerShellVersion)
        $manifest.CompatiblePSEditions | Should -Contain $PSVersionTable.PSEdition
        (Test-ModuleManifest -Path $script:ModulePath -ErrorAction Stop).PowerShellVersion | Should -Be ([version] '7.4')
    }

    It 'uses approved verbs only' {
        $approved = (Get-Verb).Verb
        foreach ($command in Get-Command -Module SsprTools) {
            $approved | Should -Contain $command.Verb
        }
    }

    It 'keeps the engine, Microsoft.Graph and Azure.Identity unloaded until first use' {
        $result = Invoke-FreshPwsh -Environment @{ SSPR_MODULE = $script:ModulePath } -Script @'
Import-Module $env:SSPR_MODULE
$loaded = [AppDomain]::CurrentDomain.GetAssemblies().GetName().Name
@{ Engine = $loaded -contains 'SsprTools.Engine'; Graph = $loaded -contains 'Microsoft.Graph'; Identity = $loaded -contains 'Azure.Identity' } | ConvertTo-Json
'@
        $result.Engine | Should -BeFalse
        $result.Graph | Should -BeFalse
        $result.Identity | Should -BeFalse
    }
}

Describe 'Tab completion' {
    It 'completes -RoleName from the administrator reset policy list without a connection' {
        Disconnect-SsprGraph
        $completions = (TabExpansion2 -inputScript 'Get-SsprAdmin -RoleName Global' -cursorColumn 30).CompletionMatches
        $completions.ListItemText | Should -Contain 'Global Administrator'
        $completions.CompletionText | Should -Contain "'Global Administrator'"
        $completions.ListItemText | Should -Not -Contain 'Helpdesk Administrator'
    }

    Context '-UserId, connected to a tenant' {
        BeforeAll {
            $script:tenant = Start-SsprSimulator -SimulatorPath $script:SimulatorPath -Scenario seed
            Connect-TestTenant -Simulator $script:tenant | Out-Null
        }
        AfterAll {
            Disconnect-SsprGraph
            $script:tenant | Stop-SsprSimulator
        }

        It 'completes user principal names from the tenant, with the display name as tooltip' {
            $line = 'Test-SsprAdminReset -UserId gr'
            $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
            $completions.CompletionText | Should -Be @('grace.admin@contoso.com')
            $completions[0].ToolTip | Should -Be 'Grace Admin (grace.admin@contoso.com)'
        }

        It 'completes a display name typed in quotes to the user principal name' {
            $line = "Test-SsprAdminReset -UserId 'Grace A"
            $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length
            $completion.CompletionMatches.CompletionText | Should -Be @('grace.admin@contoso.com')
            # The whole quoted word is replaced, so the line becomes -UserId grace.admin@contoso.com.
            $completion.ReplacementLength | Should -Be "'Grace A".Length
        }

        It 'quotes a guest UPN so the completed line still parses' {
            $line = 'Test-SsprAdminReset -UserId gus'
            $completion = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches)[0]
            $completion.CompletionText | Should -Be "'gus_fabrikam.example#EXT#@contoso.onmicrosoft.com'"
            $prediction = Invoke-Expression "Test-SsprAdminReset -UserId $($completion.CompletionText)"
            $prediction.UserPrincipalName | Should -Be 'gus_fabrikam.example#EXT#@contoso.onmicrosoft.com'
        }

        It 'answers a repeated and a narrower prefix from its cache, without asking Graph again' {
            Clear-SsprSimulatorJournal -Simulator $script:tenant
            foreach ($typed in 'Test-SsprAdminReset -UserId h', 'Test-SsprAdminReset -UserId h', 'Test-SsprAdminReset -UserId hen') {
                (TabExpansion2 -inputScript $typed -cursorColumn $typed.Length).CompletionMatches.CompletionText |
                    Should -Be @('henry.helpdesk@contoso.com')
            }
            @((Get-SsprSimulatorJournal -Simulator $script:tenant).entries | Where-Object path -EQ '/v1.0/users').Count | Should -Be 1
        }
    }

    It 'offers no -UserId completions and raises no error when not connected' {
        Disconnect-SsprGraph
        $Error.Clear()
        $line = 'Test-SsprAdminReset -UserId gr'
        # PowerShell falls back to file names when a completer offers nothing; no user may appear.
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches |
            Where-Object CompletionText -Like '*@*' | Should -BeNullOrEmpty
        $Error.Count | Should -Be 0
    }
}

Describe 'Dependency isolation: framework types stay shared' {
    BeforeAll { $simulator = Start-SsprSimulator -SimulatorPath $script:SimulatorPath -Scenario seed }
    AfterAll { $simulator | Stop-SsprSimulator }

    It 'loads no copy of IAsyncDisposable or IAsyncEnumerable of its own beside the runtime''s' {
        # A package that raises Microsoft.Bcl.AsyncInterfaces above PowerShell's copy (Microsoft.Bcl.TimeProvider 11.x did)
        # makes the engine context load the netstandard2.0 build, which defines these types again.
        $result = Invoke-FreshPwsh -Environment @{
            SSPR_MODULE = $script:ModulePath; SSPR_URL = $simulator.BaseUrl; SSPR_TOKEN = $simulator.Token
        } -Script @'
$ErrorActionPreference = 'Stop'
Import-Module $env:SSPR_MODULE
Connect-SsprGraph -GraphEndpoint $env:SSPR_URL -AccessToken (ConvertTo-SecureString $env:SSPR_TOKEN -AsPlainText -Force) | Out-Null
$predictions = @(Test-SsprAdminReset -AllAdmins -WarningAction SilentlyContinue)
$owners = foreach ($assembly in [AppDomain]::CurrentDomain.GetAssemblies()) {
    if ($assembly.IsDynamic) { continue }
    foreach ($name in 'System.IAsyncDisposable', 'System.Collections.Generic.IAsyncEnumerable`1') {
        $type = $assembly.GetType($name, $false)
        if ($type -and $type.Assembly -eq $assembly) { '{0} in {1}' -f $name, $assembly.GetName().Name }
    }
}
@{ Predictions = $predictions.Count; Owners = @($owners | Sort-Object -Unique) } | ConvertTo-Json
'@
        $result.Predictions | Should -BeGreaterThan 0
        @($result.Owners) | Should -Be @('System.Collections.Generic.IAsyncEnumerable`1 in System.Private.CoreLib', 'System.IAsyncDisposable in System.Private.CoreLib')
    }
}
