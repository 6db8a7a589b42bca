<#
.SYNOPSIS
The naive baseline: what an admin would write from the Microsoft Graph documentation alone.

.DESCRIPTION
One user at a time with Invoke-RestMethod: no $batch, no module, default page sizes, every list followed
through @odata.nextLink, 429 answered by sleeping for Retry-After and trying again.
  1. GET /policies/authorizationPolicy once (allowedToUseSSPR).
  2. Admins: GET /directoryRoles (the activated roles), GET /directoryRoles/{id}/members for each; members
     that are groups (role-assignable groups) are expanded with GET /groups/{id}/members.
  3. For each admin user: the user, their role assignments, their directory roles
     (transitiveMemberOf cast, ConsistencyLevel: eventual and $count=true) and their registration details.
  4. Verdict: SSPR_0009 when allowedToUseSSPR is off; else SSPR_0014 with fewer than two SSPR methods in
     methodsRegistered (security questions never count for admins); else Succeeds.
Runs in a fresh pwsh started by Invoke-Benchmark.ps1; Graph URL and token come from
SSPR_BENCH_GRAPH_URL and SSPR_BENCH_TOKEN.
#>
[CmdletBinding()]
param([Parameter(Mandatory)] [string] $ResultPath)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3
. (Join-Path $PSScriptRoot 'BenchSupport.ps1')

# concept-sspr-howitworks.md: the methods SSPR accepts, as userRegistrationDetails names them.
$ssprMethods = 'email', 'mobilePhone', 'alternateMobilePhone', 'officePhone', 'microsoftAuthenticatorPush',
    'softwareOneTimePasscode', 'hardwareOneTimePasscode'
$eventual = @{ ConsistencyLevel = 'eventual' }

$graph = Get-BenchGraph
$v1 = "$($graph.Url)/v1.0"
$stopwatch = [Diagnostics.Stopwatch]::StartNew()

$policy = Invoke-BenchGraph -Graph $graph -Uri "$v1/policies/authorizationPolicy"
$allowedToUseSspr = [bool] $policy.allowedToUseSSPR

$adminIds = [Collections.Generic.List[string]]::new()
$seen = [Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
$roles = (Get-BenchPages -Graph $graph -Uri "$v1/directoryRoles").Items
foreach ($role in $roles) {
    foreach ($member in (Get-BenchPages -Graph $graph -Uri "$v1/directoryRoles/$($role.id)/members").Items) {
        switch (Get-BenchODataType $member) {
            '#microsoft.graph.user' {
                if ($seen.Add($member.id)) { $adminIds.Add($member.id) }
            }
            '#microsoft.graph.group' {
                foreach ($groupMember in (Get-BenchPages -Graph $graph -Uri "$v1/groups/$($member.id)/members").Items) {
                    if ((Get-BenchODataType $groupMember) -eq '#microsoft.graph.user' -and $seen.Add($groupMember.id)) {
                        $adminIds.Add($groupMember.id)
                    }
                }
            }
        }
    }
}

$verdicts = foreach ($id in $adminIds) {
    $user = Invoke-BenchGraph -Graph $graph -Uri "$v1/users/$($id)?`$select=id,userPrincipalName,displayName,accountEnabled,userType,onPremisesSyncEnabled"
    $filter = [uri]::EscapeDataString("principalId eq '$id'")
    $assignments = (Get-BenchPages -Graph $graph -Uri "$v1/roleManagement/directory/roleAssignments?`$filter=$filter").Items
    $directoryRoles = (Get-BenchPages -Graph $graph -Headers $eventual -Uri "$v1/users/$id/transitiveMemberOf/microsoft.graph.directoryRole?`$count=true").Items
    $registration = Invoke-BenchGraph -Graph $graph -Uri "$v1/reports/authenticationMethods/userRegistrationDetails/$id"

    $methods = @($registration.methodsRegistered | Where-Object { $_ -in $ssprMethods } | Select-Object -Unique)
    $outcome, $predictedError = if (-not $allowedToUseSspr) { 'Fails', 'SSPR_0009' }
        elseif ($methods.Count -lt 2) { 'Fails', 'SSPR_0014' }
        else { 'Succeeds', '' }
    @{
        UserId = [string] $user.id; UserPrincipalName = [string] $user.userPrincipalName; Outcome = $outcome; PredictedError = $predictedError
        Roles = @($assignments).Count + @($directoryRoles).Count
    }
}
$stopwatch.Stop()

Write-BenchResult -Path $ResultPath -Result @{
    mode         = 'Naive'
    wallSeconds  = [Math]::Round($stopwatch.Elapsed.TotalSeconds, 3)
    requestsSent = $script:BenchRequestsSent
    predictions  = @($verdicts).Count
    verdicts     = @($verdicts)
}
