BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $simulator = Start-SsprSimulator -SimulatorPath $script:SimulatorPath -Scenario seed
}
AfterAll {
    Disconnect-SsprGraph
    $simulator | Stop-SsprSimulator
}

Describe 'Connect-SsprGraph parameter sets' {
    BeforeAll { $command = Get-Command Connect-SsprGraph }

    It 'defaults to interactive sign-in' {
        $command.DefaultParameterSet | Should -Be 'Interactive'
    }

    It 'has a set for each way admins and runbooks sign in, with its mandatory parameters' -TestCases @(
        @{ Set = 'DeviceCode'; Mandatory = @('UseDeviceCode') }
        @{ Set = 'AccessToken'; Mandatory = @('AccessToken') }
        @{ Set = 'ClientSecret'; Mandatory = @('ClientId', 'ClientSecret', 'TenantId') }
        @{ Set = 'ClientCredential'; Mandatory = @('Credential', 'TenantId') }
        @{ Set = 'CertificateThumbprint'; Mandatory = @('CertificateThumbprint', 'ClientId', 'TenantId') }
        @{ Set = 'Certificate'; Mandatory = @('Certificate', 'ClientId', 'TenantId') }
        @{ Set = 'CertificateFile'; Mandatory = @('CertificatePath', 'ClientId', 'TenantId') }
        @{ Set = 'ManagedIdentity'; Mandatory = @('Identity') }
    ) {
        $parameterSet = $command.ParameterSets | Where-Object Name -EQ $Set
        $parameterSet | Should -Not -BeNullOrEmpty
        ($parameterSet.Parameters | Where-Object IsMandatory).Name | Sort-Object | Should -Be ($Mandatory | Sort-Object)
    }

    It 'takes every secret as a SecureString' {
        foreach ($name in 'AccessToken', 'ClientSecret', 'CertificatePassword') {
            $command.Parameters[$name].ParameterType | Should -Be ([securestring])
        }
    }

    It 'offers the documented national clouds' {
        $command.Parameters['Environment'].Attributes.ValidValues | Should -Be @('Global', 'USGov', 'USGovDoD', 'China')
    }
}

Describe 'Connect-SsprGraph -Identity' {
    It 'signs in with the Azure Automation / App Service managed identity and reads the policy' {
        $result = Invoke-FreshPwsh -Environment @{
            SSPR_MODULE = $script:ModulePath; SSPR_URL = $simulator.BaseUrl
            IDENTITY_ENDPOINT = $simulator.IdentityEndpoint; IDENTITY_HEADER = $simulator.IdentityHeader
        } -Script @'
$ErrorActionPreference = 'Stop'
Import-Module $env:SSPR_MODULE
$connection = Connect-SsprGraph -Identity -GraphEndpoint $env:SSPR_URL
$policy = Get-SsprAdminPolicy
@{ AuthType = $connection.AuthType; TokenKind = $connection.TokenKind; Tenant = $connection.TenantId; Scopes = $connection.Scopes; Allowed = $policy.AllowedToUseSspr } | ConvertTo-Json
'@
        $result.AuthType | Should -Be 'ManagedIdentity'
        $result.TokenKind | Should -Be 'AppOnly'
        $result.Tenant | Should -Be $simulator.TenantId
        $result.Scopes | Should -Contain 'Policy.Read.All'
        $result.Allowed | Should -BeFalse
    }
}

Describe 'Graph calls under throttling' {
    BeforeAll {
        Connect-TestTenant -Simulator $simulator | Out-Null
        Set-SsprSimulatorFault -Simulator $simulator -Settings @{ throttleRate = 0.5; retryAfterSeconds = 1; seed = 5 }
    }
    AfterAll { Set-SsprSimulatorFault -Simulator $simulator -Settings @{ throttleRate = 0; seed = 1 } }

    It 'retries 429 honouring Retry-After and says so in -Verbose' {
        Clear-SsprSimulatorJournal -Simulator $simulator
        $results = 1..4 | ForEach-Object { Get-SsprAdminPolicy -Verbose 4>&1 }
        $policies = $results | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        $verbose = ($results | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n"
        $policies.Count | Should -Be 4
        $policies.AllowedToUseSspr | Should -Not -Contain $true
        (Get-SsprSimulatorJournal -Simulator $simulator).entries.status | Should -Contain 429
        $verbose | Should -Match '429; retrying in 1\.0 s'
    }
}

# Ctrl+C in the middle of a run is covered by Faults.Tests.ps1 ('stops at once on Ctrl+C ...').
