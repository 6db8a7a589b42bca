using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using SsprTools.Engine.Graph;
using SsprTools.Engine.Tests.Support;

namespace SsprTools.Engine.Tests.Graph;

/// <summary>The one retry policy: every delay the resilience handler and the $batch loop wait comes from here.</summary>
public class GraphRetryPolicyTests
{
    private static readonly GraphRetryPolicy Policy = new()
    {
        BaseDelay = TimeSpan.FromSeconds(1),
        MaxDelay = TimeSpan.FromSeconds(10),
        MaxTotalWait = TimeSpan.FromSeconds(60),
        Jitter = () => 0.5,
    };

    [Fact]
    public void Retry_After_in_delay_seconds_is_waited_as_given_and_never_jittered_or_capped()
    {
        var budget = Policy.StartOperation(new SteppedClock());

        Assert.Equal(TimeSpan.FromSeconds(42), budget.NextThrottleWait(new RetryConditionHeaderValue(TimeSpan.FromSeconds(42))));
    }

    [Fact]
    public void Retry_After_as_an_HTTP_date_is_measured_on_the_sessions_clock()
    {
        var clock = new SteppedClock();
        var budget = Policy.StartOperation(clock);
        // RFC 9110 §10.2.3: Retry-After = HTTP-date / delay-seconds. The date is 25 s after the fake clock's now,
        // years away from the real clock: only a policy that reads the session's clock waits 25 s.
        var date = new RetryConditionHeaderValue(SteppedClock.Origin.AddSeconds(25));

        Assert.Equal(TimeSpan.FromSeconds(25), budget.NextThrottleWait(date));
    }

    [Fact]
    public void A_Retry_After_date_already_past_means_retry_now()
    {
        var clock = new SteppedClock();
        var date = new RetryConditionHeaderValue(SteppedClock.Origin.AddSeconds(-5));

        Assert.Equal(TimeSpan.Zero, Policy.StartOperation(clock).NextThrottleWait(date));
    }

    [Theory]
    [InlineData(1, 1000)]
    [InlineData(2, 2000)]
    [InlineData(4, 8000)]
    [InlineData(5, 10000)] // 16 s doubled, capped at MaxDelay
    [InlineData(12, 10000)]
    public void Computed_back_off_doubles_per_retry_up_to_the_cap_with_equal_jitter(int retry, int ceilingMs)
    {
        var low = Policy with { Jitter = () => 0.0 };
        var high = Policy with { Jitter = () => 0.999999 };

        Assert.Equal(TimeSpan.FromMilliseconds(ceilingMs / 2.0), low.Backoff(retry));
        Assert.InRange(high.Backoff(retry).TotalMilliseconds, ceilingMs * 0.999, ceilingMs);
    }

    [Fact]
    public void Real_jitter_stays_within_half_the_ceiling_and_the_ceiling_and_varies()
    {
        var policy = Policy with { Jitter = GraphRetryPolicy.Default.Jitter };

        var waits = Enumerable.Range(0, 200).Select(_ => policy.Backoff(3).TotalMilliseconds).ToList();

        Assert.All(waits, w => Assert.InRange(w, 2000, 4000));
        Assert.True(waits.Distinct().Count() > 1, "the back-off is not jittered");
    }

    [Fact]
    public void Without_Retry_After_a_throttled_answer_gets_the_computed_back_off()
    {
        var budget = Policy.StartOperation(new SteppedClock());

        Assert.Equal(TimeSpan.FromMilliseconds(750), budget.NextThrottleWait((RetryConditionHeaderValue?)null));
        Assert.Equal(TimeSpan.FromMilliseconds(1500), budget.NextThrottleWait((RetryConditionHeaderValue?)null));
    }

    [Fact]
    public void The_total_wait_of_one_operation_is_bounded_and_a_longer_Retry_After_ends_the_retries()
    {
        var budget = Policy.StartOperation(new SteppedClock());
        var thirty = new RetryConditionHeaderValue(TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(30), budget.NextThrottleWait(thirty));
        Assert.Equal(TimeSpan.FromSeconds(30), budget.NextThrottleWait(thirty));
        // 60 s of 60 used: another wait would pass the bound, so there is none, not a shortened one.
        Assert.Null(budget.NextThrottleWait(thirty));
        Assert.Equal(TimeSpan.FromSeconds(60), budget.Waited);
    }

    [Fact]
    public void The_retry_count_is_bounded()
    {
        var budget = (Policy with { MaxThrottleRetries = 2, MaxNetworkRetries = 1 }).StartOperation(new SteppedClock());

        Assert.NotNull(budget.NextThrottleWait((RetryConditionHeaderValue?)null));
        Assert.NotNull(budget.NextThrottleWait((RetryConditionHeaderValue?)null));
        Assert.Null(budget.NextThrottleWait((RetryConditionHeaderValue?)null));
        Assert.NotNull(budget.NextNetworkWait());
        Assert.Null(budget.NextNetworkWait());
    }

    [Fact]
    public void A_batch_round_waits_for_its_slowest_throttled_step()
    {
        var budget = Policy.StartOperation(new SteppedClock());

        var wait = budget.NextThrottleWait(
            new RetryConditionHeaderValue(TimeSpan.FromSeconds(3)),
            null,
            new RetryConditionHeaderValue(SteppedClock.Origin.AddSeconds(7)));

        Assert.Equal(TimeSpan.FromSeconds(7), wait);
    }

    public static TheoryData<string?> RetryAfterForms => new()
    {
        "17",                                 // delay-seconds
        "Sat, 01 Mar 2031 08:00:09 GMT",      // HTTP-date, 9 s after the clock's now
        null,                                 // none: computed back-off
    };

    [Theory]
    [MemberData(nameof(RetryAfterForms))]
    public async Task A_single_request_and_a_batch_step_wait_the_same(string? retryAfter)
    {
        var policy = Policy with { MaxThrottleRetries = 1 };

        var requestClock = new SteppedClock(policy.AttemptTimeout);
        var script = new ScriptedHandler().RespondRaw(HttpStatusCode.TooManyRequests, retryAfter).Respond(HttpStatusCode.OK);
        using var invoker = new HttpMessageInvoker(new ResilienceHandler(policy, requestClock, (_, _) => Task.FromResult("t")) { InnerHandler = script });
        using var response = await requestClock.RunAsync(() => invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://graph.microsoft.com/v1.0/users/a"), CancellationToken.None));

        var batchClock = new SteppedClock(policy.AttemptTimeout);
        var graph = new ThrottleOnceBatch(retryAfter);
        var client = new GraphServiceClient(new HttpClient(graph), new AnonymousAuthenticationProvider(), "https://graph.microsoft.com/v1.0");
        var steps = new List<KeyValuePair<string, RequestInformation>> { new("a", client.Users["a"].ToGetRequestInformation()) };
        var answers = await batchClock.RunAsync(() => new GraphBatch(client, policy, batchClock).SendAsync(steps, "users", CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(200, answers["a"].Status);
        Assert.Equal(2, graph.Posts);
        var single = Assert.Single(requestClock.Passed);
        Assert.Equal(single, Assert.Single(batchClock.Passed));
        Assert.Equal(retryAfter switch { "17" => TimeSpan.FromSeconds(17), null => TimeSpan.FromMilliseconds(750), _ => TimeSpan.FromSeconds(9) }, single);
    }

    /// <summary>Answers the first $batch with step 1 throttled (with the given Retry-After), the next with step 1 found.</summary>
    private sealed class ThrottleOnceBatch(string? retryAfter) : HttpMessageHandler
    {
        public int Posts { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Posts++;
            var header = retryAfter is null ? string.Empty : $",\"Retry-After\":\"{retryAfter}\"";
            var step = Posts == 1
                ? $"{{\"id\":\"1\",\"status\":429,\"headers\":{{\"Content-Type\":\"application/json\"{header}}},\"body\":{{\"error\":{{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}}}}}"
                : "{\"id\":\"1\",\"status\":200,\"headers\":{\"Content-Type\":\"application/json\"},\"body\":{\"id\":\"a\"}}";
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent($"{{\"responses\":[{step}]}}", Encoding.UTF8, "application/json"),
            });
        }
    }
}
