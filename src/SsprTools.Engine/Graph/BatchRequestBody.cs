using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions;

namespace SsprTools.Engine.Graph;

/// <summary>
/// The JSON body of a $batch request (json-batching.md, "JSON batch request format"):
/// {"requests":[{"id","method","url","headers"}]}, each url written by <see cref="BatchStepUrl"/>.
/// Steps are GETs: a body would need its own Content-Type handling, which no caller needs.
/// </summary>
internal static class BatchRequestBody
{
    public static async Task<MemoryStream> WriteAsync(IReadOnlyList<KeyValuePair<string, RequestInformation>> steps, string versionRoot)
    {
        var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("requests");
            foreach (var step in steps)
            {
                WriteStep(writer, step.Key, step.Value, await BatchStepUrl.ForAsync(step.Value, versionRoot).ConfigureAwait(false));
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        stream.Position = 0;
        return stream;
    }

    private static void WriteStep(Utf8JsonWriter writer, string id, RequestInformation request, string url)
    {
        if (HasBody(request))
        {
            throw new NotSupportedException("$batch steps with a body are not written by the engine.");
        }

        writer.WriteStartObject();
        writer.WriteString("id", id);
        writer.WriteString("method", request.HttpMethod.ToString().ToUpperInvariant());
        writer.WriteString("url", url);
        if (request.Headers.Any())
        {
            writer.WriteStartObject("headers");
            foreach (var header in request.Headers)
            {
                writer.WriteString(header.Key, string.Join(", ", header.Value));
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    // Kiota's RequestInformation.Content is Stream.Null, not null, when there is no body.
    private static bool HasBody(RequestInformation request) =>
        request.Content is { } content && content != Stream.Null && !(content.CanSeek && content.Length == 0);
}
