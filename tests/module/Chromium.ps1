# Dot-sourced by the browser tests: starts headless Chromium with a fresh profile and speaks the Chrome DevTools
# Protocol (CDP) to it over one WebSocket (System.Net.WebSockets.ClientWebSocket), one flattened session per page.
# Every message the browser sends while we wait is kept in $Browser.Events, so tests can assert on network
# requests, console messages and dialogs after the fact.

function Find-TestChromium {
    # SSPRTOOLS_CHROMIUM first, then the Debian package's 'chromium' (or 'chromium-browser' elsewhere).
    if ($env:SSPRTOOLS_CHROMIUM) {
        if (-not (Test-Path -LiteralPath $env:SSPRTOOLS_CHROMIUM -PathType Leaf)) {
            throw "SSPRTOOLS_CHROMIUM is '$env:SSPRTOOLS_CHROMIUM', which is not a file."
        }
        return $env:SSPRTOOLS_CHROMIUM
    }
    $command = Get-Command chromium, chromium-browser -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if (-not $command) {
        throw ('Chromium was not found, and the report''s browser tests need it. Install the Debian package ' +
            '(apt-get install chromium) or set SSPRTOOLS_CHROMIUM to the browser executable.')
    }
    $command.Source
}

function Start-TestBrowser {
    param([int] $TimeoutSeconds = 60)
    $executable = Find-TestChromium
    $root = Join-Path ([IO.Path]::GetTempPath()) ('sspr-chromium-{0}' -f [guid]::NewGuid().ToString('n'))
    $profileDir = Join-Path $root 'profile'
    New-Item -ItemType Directory -Path $profileDir -Force | Out-Null
    $arguments = @(
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--remote-debugging-port=0', "--user-data-dir=$profileDir", 'about:blank'
    )
    # Chromium logs a lot (D-Bus, GPU) to stderr; it goes to a file that a start failure quotes.
    $process = Start-Process -FilePath $executable -ArgumentList $arguments -PassThru `
        -RedirectStandardOutput (Join-Path $root 'stdout.log') -RedirectStandardError (Join-Path $root 'stderr.log')
    $browser = [pscustomobject]@{
        Process = $process
        Root    = $root
        Socket  = $null
        NextId  = 0
        Events  = [System.Collections.Generic.List[object]]::new()
        Pending = $null
        Chunk   = [byte[]]::new(64KB)
        Message = [IO.MemoryStream]::new()
    }
    try {
        # Chromium writes the port it chose, then the browser's WebSocket path, once DevTools listens.
        $portFile = Join-Path $profileDir 'DevToolsActivePort'
        Wait-TestCondition -TimeoutSeconds $TimeoutSeconds -Because 'Chromium writes DevToolsActivePort' -Condition {
            if ($process.HasExited) {
                throw "Chromium exited with code $($process.ExitCode) before DevTools listened: $(Get-Content -Tail 20 (Join-Path $root 'stderr.log') -ErrorAction SilentlyContinue)"
            }
            (Test-Path -LiteralPath $portFile) -and @(Get-Content -LiteralPath $portFile).Count -ge 2
        }
        $port, $path = @(Get-Content -LiteralPath $portFile)[0, 1]
        $socket = [System.Net.WebSockets.ClientWebSocket]::new()
        if (-not $socket.ConnectAsync([uri] "ws://127.0.0.1:$port$path", [Threading.CancellationToken]::None).Wait([timespan]::FromSeconds($TimeoutSeconds))) {
            throw "Could not connect to Chromium's DevTools at 127.0.0.1:$port within $TimeoutSeconds s."
        }
        $browser.Socket = $socket
        $browser
    }
    catch {
        Stop-TestBrowser -Browser $browser
        throw
    }
}

function Stop-TestBrowser {
    # Closes the browser (killing its process tree if it does not go) and deletes its profile.
    param($Browser)
    if (-not $Browser) { return }
    if ($Browser.Socket -and $Browser.Socket.State -eq 'Open') {
        try { Send-CdpMessage -Browser $Browser -Message @{ id = ++$Browser.NextId; method = 'Browser.close' } } catch { }
    }
    if (-not $Browser.Process.HasExited -and -not $Browser.Process.WaitForExit(10000)) {
        $Browser.Process.Kill($true)
        $Browser.Process.WaitForExit(10000) | Out-Null
    }
    if ($Browser.Socket) { $Browser.Socket.Dispose() }
    for ($attempt = 1; (Test-Path -LiteralPath $Browser.Root) -and $attempt -le 10; $attempt++) {
        # Child processes may hold profile files for a moment after the browser exits.
        Remove-Item -LiteralPath $Browser.Root -Recurse -Force -ErrorAction SilentlyContinue
        if (Test-Path -LiteralPath $Browser.Root) { Start-Sleep -Milliseconds 300 }
    }
}

function Wait-TestCondition {
    # Polls -Condition until it returns something true; fails with -Because after -TimeoutSeconds.
    param([Parameter(Mandatory)] [scriptblock] $Condition, [Parameter(Mandatory)] [string] $Because, [int] $TimeoutSeconds = 30)
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while (-not (& $Condition)) {
        if ([DateTime]::UtcNow -ge $deadline) { throw "Timed out after $TimeoutSeconds s waiting until $Because." }
        Start-Sleep -Milliseconds 100
    }
}

function Send-CdpMessage {
    param([Parameter(Mandatory)] $Browser, [Parameter(Mandatory)] [hashtable] $Message)
    $bytes = [Text.Encoding]::UTF8.GetBytes(($Message | ConvertTo-Json -Depth 20 -Compress))
    $Browser.Socket.SendAsync([ArraySegment[byte]]::new($bytes), [System.Net.WebSockets.WebSocketMessageType]::Text, $true,
        [Threading.CancellationToken]::None).Wait()
}

function Receive-CdpMessage {
    # The next whole message, or $null when none arrives by -Deadline. An unfinished receive is kept for the next
    # call: cancelling a ClientWebSocket receive would abort the connection.
    param([Parameter(Mandatory)] $Browser, [Parameter(Mandatory)] [datetime] $Deadline)
    while ($true) {
        if (-not $Browser.Pending) {
            $Browser.Pending = $Browser.Socket.ReceiveAsync([ArraySegment[byte]]::new($Browser.Chunk), [Threading.CancellationToken]::None)
        }
        $wait = [int] [Math]::Max(0, ($Deadline - [DateTime]::UtcNow).TotalMilliseconds)
        if (-not $Browser.Pending.Wait($wait)) { return $null }
        $received = $Browser.Pending.Result
        $Browser.Pending = $null
        if ($received.MessageType -eq 'Close') { throw 'Chromium closed the DevTools connection.' }
        $Browser.Message.Write($Browser.Chunk, 0, $received.Count)
        if ($received.EndOfMessage) {
            $text = [Text.Encoding]::UTF8.GetString($Browser.Message.GetBuffer(), 0, [int] $Browser.Message.Length)
            $Browser.Message.SetLength(0)
            $message = $text | ConvertFrom-Json -AsHashtable -DateKind String
            if ($message.ContainsKey('method')) { $Browser.Events.Add($message) }
            return $message
        }
    }
}

function Invoke-Cdp {
    # Sends one CDP command (to a page when -SessionId is given) and returns its result; events that arrive
    # meanwhile are kept in $Browser.Events.
    param(
        [Parameter(Mandatory)] $Browser,
        [Parameter(Mandatory)] [string] $Method,
        [hashtable] $Params = @{},
        [string] $SessionId,
        [int] $TimeoutSeconds = 30
    )
    $id = ++$Browser.NextId
    $message = @{ id = $id; method = $Method; params = $Params }
    if ($SessionId) { $message.sessionId = $SessionId }
    Send-CdpMessage -Browser $Browser -Message $message
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ($true) {
        $reply = Receive-CdpMessage -Browser $Browser -Deadline $deadline
        if ($null -eq $reply) { throw "Chromium did not answer $Method within $TimeoutSeconds s." }
        if ($reply.ContainsKey('id') -and $reply.id -eq $id) {
            if ($reply.ContainsKey('error')) { throw "$Method failed: $($reply.error.message)" }
            return $reply.result
        }
    }
}

function Wait-CdpEvent {
    # The first event named -Method (of the page's session) received since event number -Since.
    param([Parameter(Mandatory)] $Page, [Parameter(Mandatory)] [string] $Method, [int] $Since = 0, [int] $TimeoutSeconds = 30)
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ($true) {
        $found = Get-PageEvent -Page $Page -Method $Method -Since $Since | Select-Object -First 1
        if ($found) { return $found }
        $Since = [Math]::Max($Since, $Page.Browser.Events.Count)
        if ($null -eq (Receive-CdpMessage -Browser $Page.Browser -Deadline $deadline)) {
            throw "No $Method from Chromium within $TimeoutSeconds s."
        }
    }
}

function Get-PageEvent {
    param([Parameter(Mandatory)] $Page, [Parameter(Mandatory)] [string] $Method, [int] $Since = 0)
    $events = $Page.Browser.Events
    for ($i = $Since; $i -lt $events.Count; $i++) {
        if ($events[$i].method -eq $Method -and $events[$i]['sessionId'] -eq $Page.SessionId) { $events[$i] }
    }
}

function Open-TestPage {
    # A new tab of -Width x -Height CSS pixels that records its network, console and dialogs, showing -Url.
    param([Parameter(Mandatory)] $Browser, [Parameter(Mandatory)] [string] $Url, [int] $Width = 1280, [int] $Height = 900)
    $target = Invoke-Cdp -Browser $Browser -Method 'Target.createTarget' -Params @{ url = 'about:blank' }
    $attached = Invoke-Cdp -Browser $Browser -Method 'Target.attachToTarget' -Params @{ targetId = $target.targetId; flatten = $true }
    $page = [pscustomobject]@{ Browser = $Browser; SessionId = $attached.sessionId; TargetId = $target.targetId; Width = $Width; Height = $Height }
    foreach ($domain in 'Page', 'Runtime', 'Log', 'Network') {
        Invoke-Cdp -Browser $Browser -Method "$domain.enable" -SessionId $page.SessionId | Out-Null
    }
    Invoke-Cdp -Browser $Browser -Method 'Emulation.setDeviceMetricsOverride' -SessionId $page.SessionId `
        -Params @{ width = $Width; height = $Height; deviceScaleFactor = 1; mobile = $false } | Out-Null
    Open-TestPageUrl -Page $page -Url $Url
    $page
}

function Open-TestPageUrl {
    param([Parameter(Mandatory)] $Page, [Parameter(Mandatory)] [string] $Url)
    $since = $Page.Browser.Events.Count
    $navigation = Invoke-Cdp -Browser $Page.Browser -Method 'Page.navigate' -SessionId $Page.SessionId -Params @{ url = $Url }
    if ($navigation.ContainsKey('errorText')) { throw "Chromium could not open ${Url}: $($navigation.errorText)" }
    Wait-CdpEvent -Page $Page -Method 'Page.loadEventFired' -Since $since | Out-Null
}

function Close-TestPage {
    param([Parameter(Mandatory)] $Page)
    Invoke-Cdp -Browser $Page.Browser -Method 'Target.closeTarget' -Params @{ targetId = $Page.TargetId } | Out-Null
}

function Invoke-PageScript {
    # Evaluates a JavaScript expression in the page and returns its value (JSON-compatible values only).
    param([Parameter(Mandatory)] $Page, [Parameter(Mandatory)] [string] $Expression)
    $evaluation = Invoke-Cdp -Browser $Page.Browser -Method 'Runtime.evaluate' -SessionId $Page.SessionId `
        -Params @{ expression = $Expression; returnByValue = $true; awaitPromise = $true }
    if ($evaluation.ContainsKey('exceptionDetails')) {
        throw "The page script failed: $($evaluation.exceptionDetails.exception.description ?? $evaluation.exceptionDetails.text)"
    }
    $evaluation.result['value']
}

function Invoke-PageClick {
    # A real left click (mouse moved, pressed, released) at the centre of the element, scrolled into view first.
    param([Parameter(Mandatory)] $Page, [Parameter(Mandatory)] [string] $Selector)
    $point = Invoke-PageScript -Page $Page -Expression @"
(() => {
  const element = document.querySelector($($Selector | ConvertTo-Json));
  if (!element) return null;
  element.scrollIntoView({ block: 'center' });
  const box = element.getBoundingClientRect();
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
})()
"@
    if (-not $point) { throw "Nothing on the page matches '$Selector'." }
    foreach ($type in 'mouseMoved', 'mousePressed', 'mouseReleased') {
        Invoke-Cdp -Browser $Page.Browser -Method 'Input.dispatchMouseEvent' -SessionId $Page.SessionId -Params @{
            type = $type; x = $point.x; y = $point.y; button = $(if ($type -eq 'mouseMoved') { 'none' } else { 'left' }); clickCount = 1
        } | Out-Null
    }
}

function Invoke-PageKey {
    # Presses and releases one key (Enter, Space, ...) in the element that has the focus.
    param([Parameter(Mandatory)] $Page, [Parameter(Mandatory)] [ValidateSet('Enter', 'Space')] [string] $Key)
    $keys = @{ Enter = @{ key = 'Enter'; code = 'Enter'; windowsVirtualKeyCode = 13; text = "`r" }; Space = @{ key = ' '; code = 'Space'; windowsVirtualKeyCode = 32; text = ' ' } }
    $down = $keys[$Key].Clone()
    $down.type = 'keyDown'
    Invoke-Cdp -Browser $Page.Browser -Method 'Input.dispatchKeyEvent' -SessionId $Page.SessionId -Params $down | Out-Null
    $up = $keys[$Key].Clone()
    $up.type = 'keyUp'
    $up.Remove('text')
    Invoke-Cdp -Browser $Page.Browser -Method 'Input.dispatchKeyEvent' -SessionId $Page.SessionId -Params $up | Out-Null
}

function Send-PageText {
    # Types -Text into the element as a user would (input events and all).
    param([Parameter(Mandatory)] $Page, [Parameter(Mandatory)] [string] $Selector, [Parameter(Mandatory)] [string] $Text)
    Invoke-PageScript -Page $Page -Expression "document.querySelector($($Selector | ConvertTo-Json)).focus()" | Out-Null
    Invoke-Cdp -Browser $Page.Browser -Method 'Input.insertText' -SessionId $Page.SessionId -Params @{ text = $Text } | Out-Null
}

function Save-PageScreenshot {
    # Captures the viewport as PNG to -Path and returns its bytes.
    param([Parameter(Mandatory)] $Page, [Parameter(Mandatory)] [string] $Path)
    $shot = Invoke-Cdp -Browser $Page.Browser -Method 'Page.captureScreenshot' -SessionId $Page.SessionId -Params @{ format = 'png' }
    $bytes = [Convert]::FromBase64String($shot.data)
    [IO.File]::WriteAllBytes($Path, $bytes)
    , $bytes
}
