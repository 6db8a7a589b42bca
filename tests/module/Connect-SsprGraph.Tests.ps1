BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $simulator = Start-SsprSimulator -SimulatorPath $script:SimulatorPath -Scenario seed
}
AfterAll {
    Disconnect-SsprGraph
    $simulator | Stop-SsprSimulator
}

Describe 'Connect-SsprGraph' {
    Context 'with an access token for the simulated tenant' {
        BeforeAll { $connection = Connect-TestTenant -Simulator $simulator }

        It 'reports the tenant, the sign-in method and the Graph root' {
            $connection.TenantId | Should -Be $simulator.TenantId
            $connection.AuthType | Should -Be 'AccessToken'
            $connection.GraphEndpoint | Should -Be $simulator.BaseUrl
            $connection.ApiVersion | Should -Be 'v1.0'
        }

        It 'shows the scopes the token carries' {
            $connection.Scopes | Should -Contain 'Policy.Read.All'
        }

        It 'never holds the token' {
            ($connection | ConvertTo-Json -Depth 5) | Should -Not -Match ([regex]::Escape($simulator.Token))
            (Get-SsprConnection | Format-List * | Out-String) | Should -Not -Match ([regex]::Escape($simulator.Token))
        }

        It 'is what Get-SsprConnection shows' {
            (Get-SsprConnection).TenantId | Should -Be $simulator.TenantId
        }
    }

    Context 'with plain http to a host that is not this machine' -Tag 'BadInput' {
        It 'refuses with GraphEndpointInsecure' {
            { Connect-SsprGraph -GraphEndpoint 'http://graph.contoso.example' -AccessToken (ConvertTo-TestSecureString $simulator.Token) } |
                Should -Throw -ErrorId 'GraphEndpointInsecure,SsprTools.Commands.ConnectSsprGraphCommand'
        }

        It 'reports it as an invalid argument' {
            try { Connect-SsprGraph -GraphEndpoint 'http://10.1.2.3' -AccessToken (ConvertTo-TestSecureString $simulator.Token) } catch { $err = $_ }
            $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        }

        It 'accepts https anywhere and http on loopback' {
            { Connect-SsprGraph -GraphEndpoint 'https://graph.microsoft.com' -AccessToken (ConvertTo-TestSecureString $simulator.Token) } | Should -Not -Throw
            { Connect-SsprGraph -GraphEndpoint $simulator.BaseUrl -AccessToken (ConvertTo-TestSecureString $simulator.Token) } | Should -Not -Throw
        }
    }

    Context 'with a token for another tenant or an expired token' -Tag 'BadInput' {
        It 'refuses a -TenantId the token is not for' {
            { Connect-SsprGraph -GraphEndpoint $simulator.BaseUrl -AccessToken (ConvertTo-TestSecureString $simulator.Token) -TenantId ([guid]::NewGuid()) } |
                Should -Throw -ErrorId 'TenantMismatch,SsprTools.Commands.ConnectSsprGraphCommand'
        }

        It 'refuses an expired token with AccessTokenExpired' {
            $expired = New-SsprSimulatorToken -Simulator $simulator -Scopes 'Policy.Read.All' -LifetimeSeconds -600
            { Connect-TestTenant -Simulator $simulator -Token $expired } |
                Should -Throw -ErrorId 'AccessTokenExpired,SsprTools.Commands.ConnectSsprGraphCommand'
        }
    }
}

Describe 'Graph endpoints that do not answer as Graph' -Tag 'BadInput' {
    BeforeAll {
        # A loopback web server that is not Graph: it answers every request with a 404 page. (An endpoint with a
        # path, such as the simulator's /_simulator, is refused by Connect-SsprGraph as GraphEndpointInvalid.)
        $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
        $notGraph = [System.Net.HttpListener]::new()
        $notGraph.Prefixes.Add("http://127.0.0.1:$port/")
        $notGraph.Start()
        $notGraphUrl = "http://127.0.0.1:$port"
        $server = Start-ThreadJob -ArgumentList $notGraph -ScriptBlock {
            param($listener)
            while ($listener.IsListening) {
                try { $context = $listener.GetContext() } catch { break }
                $body = [Text.Encoding]::UTF8.GetBytes('<html><body>Not Found</body></html>')
                $context.Response.StatusCode = 404
                $context.Response.ContentType = 'text/html'
                $context.Response.OutputStream.Write($body, 0, $body.Length)
                $context.Response.Close()
            }
        }
    }
    AfterAll {
        $notGraph.Stop()
        $server | Remove-Job -Force
        Connect-TestTenant -Simulator $simulator | Out-Null
    }

    It 'says an endpoint that is not Graph answered wrongly, as a protocol error' {
        Connect-SsprGraph -GraphEndpoint $notGraphUrl -AccessToken (ConvertTo-TestSecureString $simulator.Token) | Out-Null
        try { Get-SsprAdminPolicy } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'GraphRequestFailed,SsprTools.Commands.GetSsprAdminPolicyCommand'
        $err.CategoryInfo.Category | Should -Be 'ProtocolError'
    }

    It 'says an unreachable endpoint cannot be reached, and what to check' {
        Connect-SsprGraph -GraphEndpoint 'http://127.0.0.1:9' -AccessToken (ConvertTo-TestSecureString $simulator.Token) | Out-Null
        try { Get-SsprAdminPolicy } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'GraphUnreachable,SsprTools.Commands.GetSsprAdminPolicyCommand'
        $err.CategoryInfo.Category | Should -Be 'ConnectionError'
        $err.ErrorDetails.RecommendedAction | Should -Match '-GraphEndpoint'
    }
}

Describe 'Disconnect-SsprGraph' {
    It 'leaves the other cmdlets telling the user to connect' {
        Connect-TestTenant -Simulator $simulator | Out-Null
        Disconnect-SsprGraph
        Get-SsprConnection | Should -BeNullOrEmpty
        try { Get-SsprAdminPolicy } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'NotConnected,SsprTools.Commands.GetSsprAdminPolicyCommand'
        $err.CategoryInfo.Category | Should -Be 'ConnectionError'
        $err.ErrorDetails.RecommendedAction | Should -Match 'Connect-SsprGraph'
    }

    It 'does not fail when not connected' {
        { Disconnect-SsprGraph } | Should -Not -Throw
    }
}
