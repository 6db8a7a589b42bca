using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;
using SsprTools.Engine.Diagnostics;

namespace SsprTools.Engine.Graph;

/// <summary>
/// Sends many GETs as JSON batches (json-batching.md): at most 20 steps a batch, a few batches in
/// flight at once, and steps that Graph throttled (a 429, 503 or 504 inside a 200 batch) sent again
/// after their Retry-After, within the same bounds as single requests.
/// </summary>
internal sealed class GraphBatch
{
    public const int MaxStepsPerBatch = 20;

    private readonly GraphServiceClient _client;
    private readonly HttpClient _http;
    private readonly GraphRetryPolicy _retry;
    private readonly int _concurrency;

    public GraphBatch(GraphServiceClient client, HttpClient http, GraphRetryPolicy retry, int concurrency = 4)
    {
        _client = client;
        _http = http;
        _retry = retry;
        _concurrency = concurrency;
    }

    public async Task<IReadOnlyDictionary<string, BatchStepResult>> SendAsync(
        IReadOnlyList<KeyValuePair<string, RequestInformation>> steps, string description, CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, BatchStepResult>(StringComparer.Ordinal);

        // The SDK writes step URLs unescaped and Graph reads a '+' in a query as a space
        // (msgraph-sdk-dotnet#2708): such a step goes as its own request, correctly encoded.
        foreach (var step in steps.Where(s => HasEncodedPlus(s.Value)))
        {
            results[step.Key] = await SendAloneAsync(step.Value, cancellationToken).ConfigureAwait(false);
        }

        var pending = steps.Where(s => !HasEncodedPlus(s.Value)).ToList();
        var waited = TimeSpan.Zero;
        for (var round = 0; pending.Count > 0; round++)
        {
            var answers = await SendRoundAsync(pending, description, cancellationToken).ConfigureAwait(false);
            var again = new List<KeyValuePair<string, RequestInformation>>();
            var wait = TimeSpan.Zero;
            foreach (var step in pending)
            {
                var answer = answers[step.Key];
                results[step.Key] = answer;
                if (answer.Status is 429 or 503 or 504 && round < _retry.MaxThrottleRetries)
                {
                    again.Add(step);
                    var stepWait = answer.RetryAfter ?? TimeSpan.FromMilliseconds(_retry.BaseDelay.TotalMilliseconds * Math.Pow(2, round));
                    wait = stepWait > wait ? stepWait : wait;
                }
            }

            if (again.Count == 0 || waited + wait > _retry.MaxTotalWait)
            {
                break;
            }

            waited += wait;
            AmbientLog.Current.Verbose($"Graph $batch ({description}): {again.Count} step(s) throttled or unavailable; sending them again in {wait.TotalSeconds:0.0} s.");
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            pending = again;
        }

        return results;
    }

    private static bool HasEncodedPlus(RequestInformation request) =>
        request.URI.Query.IndexOf("%2B", StringComparison.OrdinalIgnoreCase) >= 0;

    private async Task<BatchStepResult> SendAloneAsync(RequestInformation request, CancellationToken cancellationToken)
    {
        // ConvertToNativeRequestAsync authenticates the request; the HttpClient's handlers retry it.
        using var message = await _client.RequestAdapter.ConvertToNativeRequestAsync<HttpRequestMessage>(request, cancellationToken).ConfigureAwait(false);
        using var response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return new BatchStepResult((int)response.StatusCode, response.Headers, body);
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
        // One collection per chunk of at most 20, so chunks can be in flight together (the collection
        // itself would post its batches one after another).
        var content = new BatchRequestContentCollection(_client);
        var keyByStep = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < chunk.Count; i++)
        {
            var stepId = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await content.AddBatchRequestStepAsync(chunk[i].Value, stepId).ConfigureAwait(false);
            keyByStep[stepId] = chunk[i].Key;
        }

        var response = await _client.Batch.PostAsync(content, cancellationToken).ConfigureAwait(false);
        var results = new Dictionary<string, BatchStepResult>(StringComparer.Ordinal);
        foreach (var pair in keyByStep)
        {
            using var message = await response.GetResponseByIdAsync(pair.Key).ConfigureAwait(false);
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
}
