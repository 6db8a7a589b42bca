using System.Net;

namespace SsprTools.Engine.Tests.Support;

/// <summary>
/// An HTTP handler that answers from a script: each step is a status (with optional Retry-After)
/// or an exception. Records what it was sent, so tests can check retries and headers.
/// </summary>
internal sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> _steps = new();

    private readonly TaskCompletionSource _firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<(string? Authorization, string? Body)> Requests { get; } = new();

    /// <summary>Completes when the first request arrives.</summary>
    public Task FirstRequest => _firstRequest.Task;

    public ScriptedHandler Respond(HttpStatusCode status, TimeSpan? retryAfter = null)
    {
        _steps.Enqueue(_ =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent("{}") };
            if (retryAfter is { } wait)
            {
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(wait);
            }

            return response;
        });
        return this;
    }

    /// <summary>Answers <paramref name="status"/> with the Retry-After header exactly as written (delay-seconds or HTTP-date), or none.</summary>
    public ScriptedHandler RespondRaw(HttpStatusCode status, string? retryAfter)
    {
        _steps.Enqueue(_ =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent("{}") };
            if (retryAfter is not null)
            {
                response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
            }

            return response;
        });
        return this;
    }

    public ScriptedHandler Fail(Exception error)
    {
        _steps.Enqueue(_ => throw error);
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request.Headers.Authorization?.Parameter, body));
        _firstRequest.TrySetResult();
        if (_steps.Count == 0)
        {
            // Past the script: behave like a server that never answers.
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return _steps.Dequeue()(request);
    }
}
