Set-StrictMode -Version Latest

# Dependency isolation in both import orders (issue 14). Another module (Microsoft Graph PowerShell,
# Az) loads its own Azure.Core, MSAL and Microsoft.Graph.Core into the default load context and
# uses them, before or after SsprTools; an older and a newer set of each. Each case runs in a fresh
# pwsh and reports which copy of each assembly ended up in which load context.

BeforeDiscovery {
    # Versions: the "Test assets" properties of Directory.Packages.props, restored by tests/TestAssets/TestAssets.csproj
    # (PackageDownload). The newer Graph.Core is the newest served and equals the engine's own: a second copy of the same identity.
    $packageProps = Join-Path $PSScriptRoot '../../Directory.Packages.props'
    function Get-AssetVersion([string] $Name) { (Select-Xml -LiteralPath $packageProps -XPath "/Project/PropertyGroup/$Name").Node.InnerText }
    $otherSets = foreach ($age in 'Older', 'Newer') {
        $lib = if ($age -eq 'Older') { 'lib/net6.0' } else { 'lib/net8.0' }
        @{ Label = $age.ToLowerInvariant(); Versions = @{
                'Azure.Core'                = "$(Get-AssetVersion "Isolation${age}AzureCoreVersion")/$lib"
                'Microsoft.Identity.Client' = "$(Get-AssetVersion "Isolation${age}MsalVersion")/$lib"
                'Microsoft.Graph.Core'      = "$(Get-AssetVersion "Isolation${age}GraphCoreVersion")/$lib"
            }
        }
    }
    $cases = foreach ($order in 'OtherModuleFirst', 'SsprToolsFirst') {
        foreach ($set in $otherSets) { @{ Order = $order; Label = $set.Label; Versions = $set.Versions } }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $simulator = Start-SsprSimulator -SimulatorPath $script:SimulatorPath -Scenario seed
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim() }
    $dependencies = Join-Path (Split-Path $script:ModulePath) 'Dependencies'

    # What every case must end with, from a clean session in this process: the same verdicts.
    Connect-TestTenant -Simulator $simulator | Out-Null
    $expectedVerdicts = @(Test-SsprAdminReset -AllAdmins -PasswordWriteback Enabled -OnPremisesProtectedAdmins None -WarningAction SilentlyContinue |
        ForEach-Object { '{0} {1} {2}' -f $_.UserPrincipalName, $_.Outcome, $_.PredictedError } | Sort-Object)
    Disconnect-SsprGraph

    # The child script. SSPR_ORDER says who loads first; the other module's "use" creates an object
    # of a type from each of its assemblies (members that need no other package: the module's own
    # dependencies are not on disk here) and reports the assembly that object's type came from.
    $childScript = @'
$ErrorActionPreference = 'Stop'
$WarningPreference = 'SilentlyContinue'
$Default = [System.Runtime.Loader.AssemblyLoadContext]::Default

function Use-OtherModule {
    foreach ($path in $env:SSPR_OTHER -split ';') {
        $assembly = [Reflection.Assembly]::LoadFrom($path)
        $made = switch ($assembly.GetName().Name) {
            'Azure.Core' { [Activator]::CreateInstance($assembly.GetType('Azure.Core.AccessToken', $true), [object[]] @('other-token', [DateTimeOffset]::UtcNow.AddHours(1))) }
            'Microsoft.Identity.Client' { [Activator]::CreateInstance($assembly.GetType('Microsoft.Identity.Client.MsalServiceException', $true), [object[]] @('other_code', 'other message')) }
            'Microsoft.Graph.Core' { [Activator]::CreateInstance($assembly.GetType('Microsoft.Graph.GraphClientOptions', $true)) }
        }
        $from = $made.GetType().Assembly
        @{ Name = $from.GetName().Name; Version = $from.GetName().Version.ToString(); Location = $from.Location; InDefault = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($from) -eq $Default }
    }
}

function Use-SsprTools([switch] $ManagedIdentity) {
    # -Identity goes through Azure.Identity's ManagedIdentityCredential and MSAL; the access token does not need MSAL.
    if ($ManagedIdentity) { Connect-SsprGraph -Identity -GraphEndpoint $env:SSPR_URL | Out-Null }
    else { Connect-SsprGraph -GraphEndpoint $env:SSPR_URL -AccessToken (ConvertTo-SecureString $env:SSPR_TOKEN -AsPlainText -Force) | Out-Null }
    @{
        Allowed = (Get-SsprAdminPolicy).AllowedToUseSspr
        Verdicts = @(Test-SsprAdminReset -AllAdmins -PasswordWriteback Enabled -OnPremisesProtectedAdmins None |
            ForEach-Object { '{0} {1} {2}' -f $_.UserPrincipalName, $_.Outcome, $_.PredictedError } | Sort-Object)
    }
}

function Get-EngineContext {
    $engine = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'SsprTools.Engine' }
    if ($engine) { [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($engine) }
}

function Get-LoadedCopies($Context) {
    @($Context.Assemblies | Where-Object { $_.GetName().Name -in 'Azure.Core', 'Microsoft.Identity.Client', 'Microsoft.Graph.Core' } |
        ForEach-Object { @{ Name = $_.GetName().Name; Version = $_.GetName().Version.ToString(); Location = $_.Location } })
}

$result = @{}
if ($env:SSPR_ORDER -eq 'OtherModuleFirst') {
    $result.OtherUse = @(Use-OtherModule)
    Import-Module $env:SSPR_MODULE
    $result.SsprUse = Use-SsprTools -ManagedIdentity
}
else {
    Import-Module $env:SSPR_MODULE
    $result.FirstSsprUse = Use-SsprTools
    $result.EngineBeforeOther = Get-LoadedCopies (Get-EngineContext)
    $result.OtherUse = @(Use-OtherModule)
    $result.SsprUse = Use-SsprTools -ManagedIdentity
}
# Both modules keep working side by side: the other module uses its copies again.
$result.OtherUseAfter = @(Use-OtherModule)

$engineContext = Get-EngineContext
$result.EngineContextType = $engineContext.GetType().Name
$result.CmdletContextIsDefault = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext((Get-Module SsprTools).ImplementingAssembly) -eq $Default
$result.InEngineContext = Get-LoadedCopies $engineContext
$result.InDefault = Get-LoadedCopies $Default
# What the engine's code binds to when it asks for each name: its context's answer.
$result.EngineBinds = @(foreach ($name in 'Azure.Core', 'Microsoft.Identity.Client', 'Microsoft.Graph.Core') {
    $bound = $engineContext.LoadFromAssemblyName([Reflection.AssemblyName]::new($name))
    @{ Name = $name; Version = $bound.GetName().Version.ToString(); Location = $bound.Location }
})
$result | ConvertTo-Json -Depth 5
'@

    function Get-FileVersion([string] $Path) { [Reflection.AssemblyName]::GetAssemblyName($Path).Version.ToString() }
}
AfterAll {
    if ($simulator) { $simulator | Stop-SsprSimulator }
}

Describe 'Dependency isolation' {
    It '<Order>, <Label> Azure.Core, MSAL and Microsoft.Graph.Core: each module keeps its own copies and both work' -ForEach $cases {
        $names = 'Azure.Core', 'Microsoft.Identity.Client', 'Microsoft.Graph.Core'
        $otherPaths = foreach ($name in $names) { Join-Path $packages ('{0}/{1}/{2}.dll' -f $name.ToLowerInvariant(), $Versions[$name], $name) }
        foreach ($path in $otherPaths) { $path | Should -Exist -Because 'tests/TestAssets/TestAssets.csproj restores it' }
        $otherVersion = @{}; $engineVersion = @{}
        foreach ($name in $names) {
            $otherVersion[$name] = Get-FileVersion ($otherPaths | Where-Object { $_ -like "*/$name.dll" })
            $engineVersion[$name] = Get-FileVersion (Join-Path $dependencies "$name.dll")
        }

        $result = Invoke-FreshPwsh -Script $childScript -Environment @{
            SSPR_MODULE = $script:ModulePath; SSPR_ORDER = $Order; SSPR_OTHER = ($otherPaths -join ';')
            SSPR_URL = $simulator.BaseUrl; SSPR_TOKEN = $simulator.Token
            IDENTITY_ENDPOINT = $simulator.IdentityEndpoint; IDENTITY_HEADER = $simulator.IdentityHeader
        }

        # The engine sits in its own context, the cmdlet assembly in the default one.
        $result.EngineContextType | Should -Be 'EngineLoadContext'
        $result.CmdletContextIsDefault | Should -BeTrue

        @($result.OtherUse).Count | Should -Be 3
        @($result.OtherUseAfter).Count | Should -Be 3
        foreach ($name in $names) {
            # The other module got exactly the copy it loaded, in the default context, before and after SsprTools ran.
            foreach ($use in @($result.OtherUse) + @($result.OtherUseAfter) | Where-Object Name -EQ $name) {
                $use.Version | Should -Be $otherVersion[$name]
                $use.Location | Should -Be ($otherPaths | Where-Object { $_ -like "*/$name.dll" })
                $use.InDefault | Should -BeTrue
            }
            $inDefault = @($result.InDefault | Where-Object Name -EQ $name)
            $inDefault.Count | Should -Be 1 -Because "only the other module's $name is in the default context"
            $inDefault[0].Version | Should -Be $otherVersion[$name]

            # The engine's context holds its own copy from Dependencies/, and that is what its code binds to.
            $inEngine = @($result.InEngineContext | Where-Object Name -EQ $name)
            $inEngine.Count | Should -Be 1 -Because "the engine loads its own $name"
            $inEngine[0].Version | Should -Be $engineVersion[$name]
            $inEngine[0].Location | Should -Be (Join-Path $dependencies "$name.dll")
            $bound = @($result.EngineBinds | Where-Object Name -EQ $name)[0]
            $bound.Location | Should -Be (Join-Path $dependencies "$name.dll")
            $bound.Version | Should -Be $engineVersion[$name]
        }

        # SsprTools works, with the verdicts of a session that had no other module.
        $result.SsprUse.Allowed | Should -BeFalse
        @($result.SsprUse.Verdicts) | Should -Be $expectedVerdicts
        if ($Order -eq 'SsprToolsFirst') {
            @($result.FirstSsprUse.Verdicts) | Should -Be $expectedVerdicts
            # Used first for real: Azure.Core and Graph.Core were in the engine's context before the
            # other module came; MSAL (the -Identity sign-in needs it) loaded only after.
            @($result.EngineBeforeOther.Name) | Should -Contain 'Azure.Core'
            @($result.EngineBeforeOther.Name) | Should -Contain 'Microsoft.Graph.Core'
            @($result.EngineBeforeOther.Name) | Should -Not -Contain 'Microsoft.Identity.Client'
        }
    }
}
