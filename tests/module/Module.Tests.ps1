BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
}

Describe 'The SsprTools module' {
    It 'exports exactly the public cmdlets' {
        $names = (Get-Command -Module SsprTools).Name | Sort-Object
        $names | Should -Be @('Connect-SsprGraph', 'Disable-SsprForAdmins', 'Enable-SsprForAdmins', 'Export-SsprReport', 'Get-SsprAdmin',
            'Get-SsprAdminPolicy', 'Get-SsprConnection', 'Disconnect-SsprGraph', 'Invoke-SsprAcceptance', 'Test-SsprAdminReset' | Sort-Object)
    }

    It 'has a manifest without wildcard exports' {
        $manifest = Import-PowerShellDataFile $script:ModulePath
        foreach ($key in 'CmdletsToExport', 'FunctionsToExport', 'AliasesToExport', 'VariablesToExport') {
            @($manifest[$key]) -join ',' | Should -Not -Match '\*'
        }
        $manifest.PrivateData.PSData.LicenseUri | Should -Not -BeNullOrEmpty
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

Describe 'Dependency isolation' {
    BeforeAll {
        $simulator = Start-SsprSimulator -SimulatorPath $script:SimulatorPath -Scenario seed
        $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim() }
    }
    AfterAll { $simulator | Stop-SsprSimulator }

    It 'works after older Azure.Core, MSAL and Microsoft.Graph.Core were loaded by another module' {
        $older = @(
            (Join-Path $packages 'azure.core/1.44.1/lib/net6.0/Azure.Core.dll')
            (Join-Path $packages 'microsoft.identity.client/4.60.4/lib/net6.0/Microsoft.Identity.Client.dll')
            (Join-Path $packages 'microsoft.graph.core/3.2.4/lib/net6.0/Microsoft.Graph.Core.dll')
        )
        foreach ($path in $older) { $path | Should -Exist }

        $result = Invoke-FreshPwsh -Environment @{
            SSPR_MODULE = $script:ModulePath; SSPR_OLDER = ($older -join ';'); SSPR_URL = $simulator.BaseUrl; SSPR_TOKEN = $simulator.Token
        } -Script @'
$ErrorActionPreference = 'Stop'
# What Microsoft Graph PowerShell or Az would have done first: load their (older) copies.
foreach ($path in $env:SSPR_OLDER -split ';') { [void][Reflection.Assembly]::LoadFrom($path) }
[void][Azure.Core.AccessToken]
Import-Module $env:SSPR_MODULE
Connect-SsprGraph -GraphEndpoint $env:SSPR_URL -AccessToken (ConvertTo-SecureString $env:SSPR_TOKEN -AsPlainText -Force) | Out-Null
$policy = Get-SsprAdminPolicy
$azureCore = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Azure.Core' } |
    ForEach-Object { '{0}@{1}' -f $_.GetName().Version, [Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name }
$engine = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'SsprTools.Engine' }
@{
    Allowed = $policy.AllowedToUseSspr
    AzureCore = @($azureCore)
    EngineContext = [Runtime.Loader.AssemblyLoadContext]::GetLoadContext($engine).GetType().Name
} | ConvertTo-Json
'@
        $result.Allowed | Should -BeFalse
        $result.EngineContext | Should -Be 'EngineLoadContext'
        @($result.AzureCore).Count | Should -Be 2 -Because 'the older Azure.Core stays loaded beside the engine''s own copy'
        @($result.AzureCore) | Should -Contain '1.44.1.0@Default'
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
