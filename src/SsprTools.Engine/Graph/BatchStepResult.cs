using System;
using System.IO;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace SsprTools.Engine.Graph;

/// <summary>The answer to one $batch step: its status, headers and JSON body, parsed on demand.</summary>
internal sealed class BatchStepResult
{
    public BatchStepResult(int status, HttpResponseHeaders? headers, byte[] body)
    {
        Status = status;
        RetryAfter = headers?.RetryAfter;
        Body = body;
    }

    public int Status { get; }

    /// <summary>The step's Retry-After, delay-seconds or HTTP-date; GraphRetryPolicy reads either form.</summary>
    public RetryConditionHeaderValue? RetryAfter { get; }

    public byte[] Body { get; }

    public bool IsSuccess => Status is >= 200 and < 300;

    public async Task<T?> ReadAsync<T>(ParsableFactory<T> factory) where T : IParsable
    {
        if (Body.Length == 0)
        {
            return default;
        }

        using var stream = new MemoryStream(Body);
        var node = await new JsonParseNodeFactory().GetRootParseNodeAsync("application/json", stream).ConfigureAwait(false);
        return node.GetObjectValue(factory);
    }

    /// <summary>The step's failure in the engine's vocabulary: translated exactly as a single request's error would be.</summary>
    public async Task<SsprTools.Engine.Errors.SsprException> ErrorAsync(GraphOperation operation, Uri serviceRoot)
    {
        var error = await ReadAsync(ODataError.CreateFromDiscriminatorValue).ConfigureAwait(false) ?? new ODataError();
        error.ResponseStatusCode = Status;
        return (SsprTools.Engine.Errors.SsprException)GraphErrorTranslator.Translate(error, operation, serviceRoot);
    }
}
