# Dot-sourced by the bench's child scripts: where the simulated Graph is, a GET that sleeps and retries on
# 429 (and 503/504) as the throttling guidance says, and the result file every child writes.
# The token arrives in the environment and is only ever put in an Authorization header, never printed.

$script:BenchRequestsSent = 0

function Get-BenchGraph {
    $url = $env:SSPR_BENCH_GRAPH_URL
    $token = $env:SSPR_BENCH_TOKEN
    if (-not $url -or -not $token) {
        throw 'SSPR_BENCH_GRAPH_URL and SSPR_BENCH_TOKEN must be set (tests/bench/Invoke-Benchmark.ps1 sets them).'
    }
    [pscustomobject]@{
        Url     = $url.TrimEnd('/')
        Token   = $token
        Headers = @{ Authorization = "Bearer $token" }
    }
}

function Invoke-BenchGraph {
    # One GET; on 429/503/504 sleeps for Retry-After (1 s when absent) and tries again.
    param(
        [Parameter(Mandatory)] $Graph,
        [Parameter(Mandatory)] [string] $Uri,
        [hashtable] $Headers = @{},
        [int] $MaxAttempts = 20
    )
    $allHeaders = $Graph.Headers + $Headers
    for ($attempt = 1; ; $attempt++) {
        try {
            $script:BenchRequestsSent++
            return Invoke-RestMethod -Uri $Uri -Headers $allHeaders -Method Get
        }
        catch [Microsoft.PowerShell.Commands.HttpResponseException] {
            $status = [int] $_.Exception.Response.StatusCode
            if ($status -notin 429, 503, 504 -or $attempt -ge $MaxAttempts) { throw }
            $retryAfter = $_.Exception.Response.Headers.RetryAfter
            $seconds = if ($retryAfter -and $retryAfter.Delta) { $retryAfter.Delta.TotalSeconds } else { 1 }
            Start-Sleep -Milliseconds ([int] [Math]::Ceiling($seconds * 1000))
        }
    }
}

function Get-BenchPages {
    # Follows @odata.nextLink from $Uri; returns the number of pages and every item.
    param([Parameter(Mandatory)] $Graph, [Parameter(Mandatory)] [string] $Uri, [hashtable] $Headers = @{})
    $items = [Collections.Generic.List[object]]::new()
    $pages = 0
    $next = $Uri
    while ($next) {
        $page = Invoke-BenchGraph -Graph $Graph -Uri $next -Headers $Headers
        $pages++
        foreach ($item in @($page.value)) { $items.Add($item) }
        $link = $page.PSObject.Properties['@odata.nextLink']
        $next = if ($link) { [string] $link.Value } else { $null }
    }
    [pscustomobject]@{ Pages = $pages; Items = $items }
}

function Get-BenchODataType($Item) {
    $type = $Item.PSObject.Properties['@odata.type']
    if ($type) { [string] $type.Value } else { '' }
}

function Get-BenchVerdictClass([string] $Outcome, [string] $PredictedError) {
    # The comparable part of a verdict: 'Succeeds', else the predicted SSPR error, else the outcome.
    if ($Outcome -eq 'Succeeds') { return 'Succeeds' }
    if ($PredictedError) { return $PredictedError }
    $Outcome
}

function Write-BenchResult {
    # Peak working set is read last, so it covers everything the child did.
    param([Parameter(Mandatory)] [hashtable] $Result, [Parameter(Mandatory)] [string] $Path)
    $Result.peakWorkingSetMB = [Math]::Round([Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 / 1MB, 1)
    $Result | ConvertTo-Json -Depth 6 -Compress | Set-Content -LiteralPath $Path -Encoding utf8
}
