<#
.SYNOPSIS
The floor: how many pages the tenant-wide reads of a prediction need, counted by walking each collection.

.DESCRIPTION
Each collection is read at the largest page size it accepts ($top=999, or its default when $top is
refused with 400) and its @odata.nextLink followed to the end. The role-assignable groups that hold a
role are found from the principals of roleAssignments and roleEligibilityScheduleInstances
($expand=principal). Floors:
  AllAdmins  everything except the full registration report; the report's admin rows only ($filter=isAdmin eq true).
  Pipeline   everything except the admin rows; the whole registration report.
Invoke-Benchmark.ps1 starts it in a fresh pwsh with the simulator's address and token in the environment.
#>
[CmdletBinding()]
param([Parameter(Mandatory)] [string] $ResultPath)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3
. (Join-Path $PSScriptRoot 'BenchSupport.ps1')

$graph = Get-BenchGraph
$v1 = "$($graph.Url)/v1.0"

function Read-Collection([string] $Path, [string] $Query = '') {
    $largest = "$v1/$($Path)?" + ((@($Query, '$top=999') | Where-Object { $_ }) -join '&')
    try {
        Get-BenchPages -Graph $graph -Uri $largest
    }
    catch [Microsoft.PowerShell.Commands.HttpResponseException] {
        if ([int] $_.Exception.Response.StatusCode -ne 400) { throw }
        Get-BenchPages -Graph $graph -Uri ($(if ($Query) { "$v1/$($Path)?$Query" } else { "$v1/$Path" }))
    }
}

$pages = [ordered]@{}
Invoke-BenchGraph -Graph $graph -Uri "$v1/policies/authorizationPolicy" | Out-Null
$pages['policies/authorizationPolicy'] = 1
foreach ($path in 'organization', 'subscribedSkus', 'directory/subscriptions', 'roleManagement/directory/roleDefinitions') {
    $pages[$path] = (Read-Collection $path).Pages
}

$groupIds = [Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
foreach ($path in 'roleManagement/directory/roleAssignments', 'roleManagement/directory/roleEligibilityScheduleInstances') {
    $read = Read-Collection $path '$expand=principal'
    $pages[$path] = $read.Pages
    foreach ($grant in $read.Items) {
        $principal = $grant.PSObject.Properties['principal']
        if ($principal -and $principal.Value -and (Get-BenchODataType $principal.Value) -eq '#microsoft.graph.group') {
            [void] $groupIds.Add($principal.Value.id)
        }
    }
}
$groupPages = 0
foreach ($id in $groupIds) { $groupPages += (Read-Collection "groups/$id/members").Pages }
$pages["groups/{id}/members ($($groupIds.Count) role-assignable groups)"] = $groupPages

$pages['users'] = (Read-Collection 'users' '$select=id').Pages
$report = 'reports/authenticationMethods/userRegistrationDetails'
$adminRows = (Read-Collection $report '$filter=isAdmin%20eq%20true').Pages
$allRows = (Read-Collection $report).Pages

$shared = 0
foreach ($value in $pages.Values) { $shared += $value }
$breakdown = [ordered]@{}
foreach ($key in $pages.Keys) { $breakdown[$key] = $pages[$key] }
$breakdown["$report (isAdmin eq true)"] = $adminRows
$breakdown["$report (all)"] = $allRows

Write-BenchResult -Path $ResultPath -Result @{
    mode      = 'Floor'
    allAdmins = $shared + $adminRows
    pipeline  = $shared + $allRows
    pages     = $breakdown
}
