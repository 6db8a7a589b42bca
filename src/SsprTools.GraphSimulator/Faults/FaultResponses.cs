using System.Globalization;
using SsprTools.GraphSimulator.Pipeline;

namespace SsprTools.GraphSimulator.Faults;

/// <summary>Graph-shaped errors for injected faults (concepts/errors.md, concepts/throttling.md).</summary>
internal static class FaultResponses
{
    public static GraphError? ErrorFor(FaultKind kind) => kind switch
    {
        FaultKind.Throttle => new GraphError(429, "TooManyRequests", "Too many requests. Retry after the time in the Retry-After header."),
        FaultKind.ServiceUnavailable => new GraphError(503, "serviceNotAvailable", "The service is temporarily unavailable. Try again later."),
        FaultKind.GatewayTimeout => new GraphError(504, "UnknownError", "The gateway did not receive a timely response."),
        _ => null,
    };

    /// <summary>Adds Retry-After (429 unless OmitRetryAfter; 503 "may have Retry-After") and the throttle headers Graph sends.</summary>
    public static GraphResponse Decorate(GraphResponse response, FaultKind kind, FaultSettings settings)
    {
        var retryAfter = settings.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        if (kind == FaultKind.Throttle)
        {
            if (!settings.OmitRetryAfter)
                response.WithHeader("Retry-After", retryAfter);
            response.WithHeader("x-ms-throttle-information", "ResourceUnitLimitExceeded");
        }
        else if (kind == FaultKind.ServiceUnavailable)
        {
            response.WithHeader("Retry-After", retryAfter);
        }
        return response;
    }
}
