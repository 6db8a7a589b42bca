# The offline help as Get-Help shows it: en-US/SsprTools.dll-Help.xml, generated from docs/cmdlets/*.md
# by src/SsprTools.HelpBuilder, and the about topic. Checked against the cmdlets' real parameters, so
# help that drifts from the code fails here.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $commands = @(Get-Command -Module SsprTools -CommandType Cmdlet | Sort-Object Name | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $common = [System.Management.Automation.PSCmdlet]::CommonParameters

    # A DontShow parameter (Test-SsprAdminReset's -InputObject, which only captures the piped object for error
    # targets) is hidden from syntax and help, so it is left out here as well.
    function Test-Hidden($Parameter) {
        @($Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow }).Count -gt 0
    }

    function Get-ParaText($Paras) {
        (@($Paras) | ForEach-Object { $_.Text }) -join "`n"
    }
}

Describe 'Help for <Name>' -ForEach $commands {
    BeforeAll {
        $command = Get-Command $Name -Module SsprTools
        $help = Get-Help $Name -Full
        $documented = @($help.parameters.parameter | Where-Object { $_ })
        $actual = @($command.Parameters.Values | Where-Object { $common -notcontains $_.Name -and -not (Test-Hidden $_) })
    }

    It 'comes from the module''s MAML help file' {
        $help.PSObject.TypeNames | Should -Contain 'MamlCommandHelpInfo'
        $help.Name | Should -Be $Name
    }

    It 'has a written synopsis, not the generated syntax' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match "^\s*$([regex]::Escape($Name))(\s|$)"
        $help.Synopsis | Should -Not -Match 'CommonParameters'
    }

    It 'has a description' {
        (Get-ParaText $help.description).Trim() | Should -Not -BeNullOrEmpty
    }

    It 'has at least two examples, each with code and an explanation' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            $example.code | Should -Not -BeNullOrEmpty -Because $example.title
            (Get-ParaText $example.remarks).Trim() | Should -Not -BeNullOrEmpty -Because $example.title
        }
    }

    It 'describes every parameter the cmdlet has, and no other' {
        @($documented.name | Sort-Object) | Should -Be @($actual.Name | Sort-Object)
        foreach ($parameter in $documented) {
            (Get-ParaText $parameter.description).Trim() | Should -Not -BeNullOrEmpty -Because "-$($parameter.name) needs a description"
        }
    }

    It 'gives each parameter its real type and aliases' {
        foreach ($parameter in $actual) {
            $entry = $documented | Where-Object name -EQ $parameter.Name
            # Generic arguments as platyPS writes them (System.Nullable`1[System.Int32]) are not part of the type's Name.
            (($entry.type.name -replace '\[[^\]]+\]', '') -split '\.')[-1] | Should -Be $parameter.ParameterType.Name -Because "the type of -$($parameter.Name)"
            $aliases = if ($entry.aliases -eq 'none') { @() } else { @($entry.aliases -split ',\s*') }
            @($aliases | Sort-Object) | Should -Be @($parameter.Aliases | Sort-Object) -Because "the aliases of -$($parameter.Name)"
        }
    }

    It 'shows one syntax line per parameter set, default set first, with the right mandatory parameters' {
        $items = @($help.syntax.syntaxItem)
        $items.Count | Should -Be $command.ParameterSets.Count
        $signature = { param($names) (@($names) | Where-Object { $_ -and $common -notcontains $_ } | Sort-Object) -join ',' }

        foreach ($set in $command.ParameterSets) {
            $names = & $signature ($set.Parameters | Where-Object { -not (Test-Hidden $_) }).Name
            $item = @($items | Where-Object { (& $signature $_.parameter.name) -eq $names })
            $item.Count | Should -Be 1 -Because "parameter set '$($set.Name)' ($names) needs its own syntax line"
            foreach ($parameter in $set.Parameters | Where-Object { $common -notcontains $_.Name -and -not (Test-Hidden $_) }) {
                $shown = $item[0].parameter | Where-Object name -EQ $parameter.Name
                [bool]::Parse($shown.required) | Should -Be $parameter.IsMandatory -Because "-$($parameter.Name) in set '$($set.Name)'"
            }
            if ($set.IsDefault) {
                (& $signature $items[0].parameter.name) | Should -Be $names -Because 'the default parameter set comes first'
            }
        }
    }

    It 'names its output types' {
        $declared = @($command.OutputType | ForEach-Object { $_.Name })
        $shown = @($help.returnValues.returnValue.type.name)
        foreach ($type in $declared) {
            $shown | Should -Contain $type
        }
    }
}

Describe 'about_SsprTools' {
    It 'is found by Get-Help, with its short description as synopsis' {
        $topic = Get-Help about_SsprTools
        $topic | Should -Not -BeNullOrEmpty
        $topic.Name | Should -Be 'about_SsprTools'
        $topic.Synopsis | Should -Match 'SSPR for administrators'
    }

    It 'explains the admin switch, the error codes, permissions and the simulator' {
        $text = Get-Help about_SsprTools | Out-String
        foreach ($phrase in 'allowedToUseSSPR', '60 minutes', 'MSOnline', 'SSPR_0009', 'SSPR_0010', 'SSPR_0012', 'SSPR_0014',
            'Policy.Read.All', 'Policy.ReadWrite.Authorization', 'Privileged Role Administrator', 'Global Reader',
            'Connect-SsprGraph -Identity', 'build.ps1 Simulate') {
            $text | Should -BeLike "*$phrase*"
        }
    }
}
