using System;

namespace SsprTools.Engine.Errors;

/// <summary>
/// The one exception type the engine lets escape to the cmdlets. <see cref="ErrorId"/> is stable:
/// scripts and tests match on it, so never change an existing one.
/// </summary>
public sealed class SsprException : Exception
{
    public SsprException(SsprErrorKind kind, string errorId, string message, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        ErrorId = errorId;
    }

    public SsprErrorKind Kind { get; }

    public string ErrorId { get; }

    /// <summary>What the user can do about it, when the engine knows; shown as the error's recommended action.</summary>
    public string? RecommendedAction { get; init; }

    /// <summary>HTTP status of the Graph response behind this error, if any.</summary>
    public int? GraphStatus { get; init; }

    /// <summary>Graph's error code (for example Authorization_RequestDenied), if any.</summary>
    public string? GraphErrorCode { get; init; }

    /// <summary>Graph's request-id header, for support cases.</summary>
    public string? GraphRequestId { get; init; }
}
