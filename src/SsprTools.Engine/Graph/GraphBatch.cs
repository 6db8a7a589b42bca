using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using System.Threading;
using System;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;
using SsprTools.Engine.Logging;
using SsprTools.Engine.Logging;

namespace SsprTools.Engine.Graph;

/// <summary>
/// Sends many GETs as JSON batches (json-batching.md): at most 20 steps a batch, a few batches in
/// flight at once, and steps that Graph throttled (a 429, 503 or 504 inside a 200 batch) sent again
/// after their Retry-After, within the same bounds as single requests. Step urls keep the SDK's percent-encoding
/// (<see cref="BatchStepUrl"/>), so every key and query value reaches Graph as it would in a request of its own.
/// </summary>
internal sealed class GraphBatch
{
    public const int MaxStepsPerBatch = 20;

    private readonly GraphServiceClient _client;
    private readonly GraphRetryPolicy _retry;
    private readonly TimeProvider _clock;
    private readonly int _concurrency;

    public GraphBatch(GraphServiceClient client, GraphRetryPolicy retry, TimeProvider clock, int concurrency = 4)
    {
        _client = client;
        _retry = retry;
        _clock = clock;
        _concurrency = concurrency;
    }

    public async Task<IReadOnlyDictionary<string, BatchStepResult>> SendAsync(
        IReadOnlyList<KeyValuePair<string, RequestInformation>> steps, string description, CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, BatchStepResult>(StringComparer.Ordinal);
        var pending = steps.ToList();
        // One budget for the whole batch: the same retry count, delays and total bound as one request (GraphRetryPolicy).
        var budget = _retry.StartOperation(_clock);
        while (pending.Count > 0)
        {
            var answers = await SendRoundAsync(pending, description, cancellationToken).ConfigureAwait(false);
            var again = new List<KeyValuePair<string, RequestInformation>>();
            var retryAfters = new List<System.Net.Http.Headers.RetryConditionHeaderValue?>();
            foreach (var step in pending)
            {
                var answer = answers[step.Key];
                results[step.Key] = answer;
                if (answer.Status is 429 or 503 or 504)
                {
                    again.Add(step);
                    retryAfters.Add(answer.RetryAfter);
                }
            }

            if (again.Count == 0 || budget.NextThrottleWait(retryAfters.ToArray()) is not { } wait)
            {
                break;
            }

            AmbientLog.Current.Verbose($"Graph $batch ({description}): {again.Count} step(s) throttled or unavailable; sending them again in {wait.TotalSeconds:0.0} s (retry {budget.ThrottleRetries} of {_retry.MaxThrottleRetries}).");
            await budget.WaitAsync(wait, cancellationToken).ConfigureAwait(false);
            pending = again;
        }

        return results;
    }

    private async Task<Dictionary<string, BatchStepResult>> SendRoundAsync(
        List<KeyValuePair<string, RequestInformation>> steps, string description, CancellationToken cancellationToken)
    {
        var chunks = new List<List<KeyValuePair<string, RequestInformation>>>();
        for (var i = 0; i < steps.Count; i += MaxStepsPerBatch)
        {
            chunks.Add(steps.GetRange(i, Math.Min(MaxStepsPerBatch, steps.Count - i)));
        }

        var results = new Dictionary<string, BatchStepResult>(StringComparer.Ordinal);
        using var gate = new SemaphoreSlim(_concurrency);
        var tasks = chunks.Select(async chunk =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var answers = await SendOneAsync(chunk, cancellationToken).ConfigureAwait(false);
                lock (results)
                {
                    foreach (var pair in answers)
                    {
                        results[pair.Key] = pair.Value;
                    }
                }
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(tasks).ConfigureAwait(false);
        AmbientLog.Current.Debug($"Graph $batch ({description}): {steps.Count} step(s) in {chunks.Count} batch(es).");
        return results;
    }

    private async Task<Dictionary<string, BatchStepResult>> SendOneAsync(
        List<KeyValuePair<string, RequestInformation>> chunk, CancellationToken cancellationToken)
    {
        // One request per chunk of at most 20, so chunks can be in flight together.
        var keyByStep = new Dictionary<string, string>(StringComparer.Ordinal);
        var numbered = new List<KeyValuePair<string, RequestInformation>>(chunk.Count);
        for (var i = 0; i < chunk.Count; i++)
        {
            var stepId = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            numbered.Add(new KeyValuePair<string, RequestInformation>(stepId, chunk[i].Value));
            keyByStep[stepId] = chunk[i].Key;
        }

        using var response = await PostAsync(numbered, cancellationToken).ConfigureAwait(false);
        var content = new BatchResponseContent(response);
        var results = new Dictionary<string, BatchStepResult>(StringComparer.Ordinal);
        foreach (var pair in keyByStep)
        {
            using var message = await content.GetResponseByIdAsync(pair.Key).ConfigureAwait(false);
            if (message is null)
            {
                // Graph answered the batch without this step: treat it like a transient failure.
                results[pair.Value] = new BatchStepResult(503, null, Array.Empty<byte>());
                continue;
            }

            var body = message.Content is null ? Array.Empty<byte>() : await message.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            results[pair.Value] = new BatchStepResult((int)message.StatusCode, message.Headers, body);
        }

        return results;
    }

    // POST /$batch as the SDK's BatchRequestBuilder does (through the request adapter: authentication, the handler
    // chain, continuous access evaluation), but with a body whose step urls stay percent-encoded (BatchRequestBody).
    private async Task<HttpResponseMessage> PostAsync(IReadOnlyList<KeyValuePair<string, RequestInformation>> steps, CancellationToken cancellationToken)
    {
        var adapter = _client.RequestAdapter;
        var versionRoot = adapter.BaseUrl ?? throw new InvalidOperationException("The Graph client has no base URL.");
        using var body = await BatchRequestBody.WriteAsync(steps, versionRoot).ConfigureAwait(false);
        var post = new RequestInformation { HttpMethod = Method.POST, UrlTemplate = "{+baseurl}/$batch" };
        post.SetStreamContent(body, "application/json");
        var native = new NativeResponseHandler();
        post.SetResponseHandler(native);
        await adapter.SendNoContentAsync(post, cancellationToken: cancellationToken).ConfigureAwait(false);
        var response = native.Value as HttpResponseMessage ?? throw new InvalidOperationException("The request adapter returned no HTTP response for the $batch request.");
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await BatchFailureAsync(response).ConfigureAwait(false);
            }
        }

        return response;
    }

    // The whole batch failed (401, 403, 429 past the retries, 5xx): Graph's error body, translated like any request's.
    private static async Task<Exception> BatchFailureAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var body = response.Content is null ? Array.Empty<byte>() : await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        ODataError? error = null;
        try
        {
            error = await new BatchStepResult(status, response.Headers, body).ReadAsync(ODataError.CreateFromDiscriminatorValue).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException)
        {
            // Not a Graph error body (a proxy's page, say): the status alone still says what happened.
        }

        if (error is null)
        {
            return new ApiException($"Graph answered {status} to the $batch request.") { ResponseStatusCode = status };
        }

        error.ResponseStatusCode = status;
        return error;
    }
}
