using System.Net;
using System.Net.Http.Headers;
using SsprTools.Engine.Graph;
using SsprTools.Engine.Tests.Support;

namespace SsprTools.Engine.Tests.Graph;

public class ResilienceHandlerTests
{
    private static readonly GraphRetryPolicy Fast = new()
    {
        BaseDelay = TimeSpan.FromMilliseconds(20),
        MaxDelay = TimeSpan.FromMilliseconds(200),
        MaxTotalWait = TimeSpan.FromSeconds(5),
    };

    private static HttpMessageInvoker Invoker(ScriptedHandler script, GraphRetryPolicy? policy = null, Func<Uri, CancellationToken, Task<string>>? freshToken = null, TimeProvider? clock = null) =>
        new(new ResilienceHandler(policy ?? Fast, clock ?? TimeProvider.System, freshToken ?? ((_, _) => Task.FromResult("old-token"))) { InnerHandler = script });

    // Sends on a fake clock that passes every back-off at once: no real sleeps.
    private static Task<HttpResponseMessage> Send(ScriptedHandler script, HttpRequestMessage request, Func<Uri, CancellationToken, Task<string>>? freshToken = null)
    {
        var clock = new SteppedClock(Fast.AttemptTimeout);
        return clock.RunAsync(() => Invoker(script, freshToken: freshToken, clock: clock).SendAsync(request, CancellationToken.None));
    }

    private static HttpRequestMessage Request(string? body = null)
    {
        var request = new HttpRequestMessage(body is null ? HttpMethod.Get : HttpMethod.Patch, "https://graph.microsoft.com/v1.0/policies/authorizationPolicy");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "old-token");
        if (body is not null)
        {
            request.Content = new StringContent(body);
        }

        return request;
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task Throttling_and_unavailability_are_retried_until_success(HttpStatusCode status)
    {
        var script = new ScriptedHandler().Respond(status).Respond(status).Respond(HttpStatusCode.OK);

        using var response = await Send(script, Request());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, script.Requests.Count);
    }

    [Fact]
    public async Task Retry_After_is_honoured()
    {
        var script = new ScriptedHandler().Respond(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(1)).Respond(HttpStatusCode.OK);
        var clock = new SteppedClock(Fast.AttemptTimeout);

        using var response = await clock.RunAsync(() => Invoker(script, clock: clock).SendAsync(Request(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new[] { TimeSpan.FromSeconds(1) }, clock.Passed);
    }

    [Fact]
    public async Task The_retry_is_not_sent_before_Retry_After_has_passed()
    {
        var script = new ScriptedHandler().Respond(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(5)).Respond(HttpStatusCode.OK);
        var clock = new SteppedClock(Fast.AttemptTimeout);

        var sending = Invoker(script, clock: clock).SendAsync(Request(), CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(5), await clock.NextWaitAsync());
        clock.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Single(script.Requests);
        clock.Advance(TimeSpan.FromSeconds(0.1));
        using var response = await sending;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, script.Requests.Count);
    }

    [Fact]
    public async Task Other_errors_are_not_retried()
    {
        var script = new ScriptedHandler().Respond(HttpStatusCode.Forbidden).Respond(HttpStatusCode.OK);

        using var response = await Send(script, Request());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Single(script.Requests);
    }

    [Fact]
    public async Task The_total_wait_is_bounded_and_the_last_answer_returned()
    {
        var policy = Fast with { MaxTotalWait = TimeSpan.FromMilliseconds(1500) };
        var script = new ScriptedHandler();
        for (var i = 0; i < 20; i++)
        {
            script.Respond(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(1));
        }

        var clock = new SteppedClock(policy.AttemptTimeout);
        using var response = await clock.RunAsync(() => Invoker(script, policy, clock: clock).SendAsync(Request(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(2, script.Requests.Count);
        // Twenty scripted 429s would take 20 s to sit through; the 1.5 s budget stops it after one wait.
        Assert.Equal(new[] { TimeSpan.FromSeconds(1) }, clock.Passed);
    }

    [Fact]
    public async Task Transport_failures_are_retried_a_bounded_number_of_times()
    {
        var script = new ScriptedHandler()
            .Fail(new HttpRequestException("connection reset"))
            .Fail(new IOException("broken pipe"))
            .Respond(HttpStatusCode.OK);

        using var response = await Send(script, Request());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, script.Requests.Count);
    }

    [Fact]
    public async Task Persistent_transport_failure_surfaces_after_the_retries()
    {
        var script = new ScriptedHandler();
        for (var i = 0; i < 10; i++)
        {
            script.Fail(new HttpRequestException("connection refused"));
        }

        await Assert.ThrowsAsync<HttpRequestException>(() => Send(script, Request()));
        Assert.Equal(Fast.MaxNetworkRetries + 1, script.Requests.Count);
    }

    [Fact]
    public async Task A_hung_request_times_out_and_is_retried()
    {
        var policy = Fast with { AttemptTimeout = TimeSpan.FromSeconds(90) };
        var script = new ScriptedHandler(); // never answers
        var clock = new SteppedClock(); // passes the attempt timeouts too

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => clock.RunAsync(() => Invoker(script, policy, clock: clock).SendAsync(Request(), CancellationToken.None)));

        Assert.Contains("did not answer", error.Message);
        Assert.Equal(policy.MaxNetworkRetries + 1, script.Requests.Count);
        Assert.Equal(policy.MaxNetworkRetries + 1, clock.Passed.Count(wait => wait == policy.AttemptTimeout));
    }

    [Fact]
    public async Task Cancellation_stops_a_retry_wait_at_once()
    {
        var script = new ScriptedHandler().Respond(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(30)).Respond(HttpStatusCode.OK);
        var policy = Fast with { MaxTotalWait = TimeSpan.FromMinutes(5) };
        var clock = new SteppedClock(policy.AttemptTimeout);
        using var cancel = new CancellationTokenSource();

        var sending = Invoker(script, policy, clock: clock).SendAsync(Request(), cancel.Token);
        Assert.Equal(TimeSpan.FromSeconds(30), await clock.NextWaitAsync());
        cancel.Cancel();

        // No fake time passed: the 30 s wait ended because of the cancellation alone.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        Assert.Single(script.Requests);
    }

    [Fact]
    public async Task Cancellation_stops_an_in_flight_request_at_once()
    {
        var script = new ScriptedHandler(); // never answers
        var policy = Fast with { AttemptTimeout = TimeSpan.FromMinutes(5) };
        var clock = new SteppedClock(policy.AttemptTimeout);
        using var cancel = new CancellationTokenSource();

        var sending = Invoker(script, policy, clock: clock).SendAsync(Request(), cancel.Token);
        await script.FirstRequest;
        cancel.Cancel();

        // No fake time passed, so the attempt timeout cannot be what ended it.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        Assert.Single(script.Requests);
    }

    [Fact]
    public async Task A_401_is_retried_once_with_a_renewed_token()
    {
        var script = new ScriptedHandler().Respond(HttpStatusCode.Unauthorized).Respond(HttpStatusCode.OK);

        using var response = await Send(script, Request(), (_, _) => Task.FromResult("new-token"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new[] { "old-token", "new-token" }, script.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task A_401_with_no_new_token_is_returned_without_a_retry()
    {
        var script = new ScriptedHandler().Respond(HttpStatusCode.Unauthorized).Respond(HttpStatusCode.OK);

        using var response = await Send(script, Request());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Single(script.Requests);
    }

    [Fact]
    public async Task A_retried_write_sends_its_body_again()
    {
        var script = new ScriptedHandler().Respond(HttpStatusCode.ServiceUnavailable).Respond(HttpStatusCode.NoContent);

        using var response = await Send(script, Request("{\"allowedToUseSSPR\":true}"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.All(script.Requests, r => Assert.Equal("{\"allowedToUseSSPR\":true}", r.Body));
    }
}
