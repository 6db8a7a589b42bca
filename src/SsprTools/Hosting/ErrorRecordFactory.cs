using System.Management.Automation;
using SsprTools.Engine.Errors;

namespace SsprTools.Hosting;

/// <summary>The one place engine errors become PowerShell ErrorRecords: stable ErrorId, category, target.</summary>
internal static class ErrorRecordFactory
{
    public static ErrorRecord From(SsprException error, object? target)
    {
        var record = new ErrorRecord(error, error.ErrorId, Category(error.Kind), target);
        if (!string.IsNullOrEmpty(error.RecommendedAction))
        {
            record.ErrorDetails = new ErrorDetails(error.Message) { RecommendedAction = error.RecommendedAction };
        }

        return record;
    }

    public static ErrorRecord InvalidArgument(string errorId, string message, object? target) =>
        new(new System.ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target);

    /// <summary>Input as it may appear in a message: control characters shown as \uXXXX, so a piped value cannot
    /// drive the terminal (escape sequences, bells) or hide part of itself.</summary>
    public static string Printable(object? input)
    {
        var text = System.Convert.ToString(input, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        var printable = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            printable.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return printable.ToString();
    }

    /// <summary>A failure of the cmdlet itself rather than of the engine, such as a report file that cannot be written.</summary>
    public static ErrorRecord Create(System.Exception error, string errorId, ErrorCategory category, object? target, string? recommendedAction = null)
    {
        var record = new ErrorRecord(error, errorId, category, target);
        if (recommendedAction is not null)
        {
            record.ErrorDetails = new ErrorDetails(error.Message) { RecommendedAction = recommendedAction };
        }

        return record;
    }

    private static ErrorCategory Category(SsprErrorKind kind) => kind switch
    {
        SsprErrorKind.NotConnected => ErrorCategory.ConnectionError,
        SsprErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
        SsprErrorKind.NotFound => ErrorCategory.ObjectNotFound,
        SsprErrorKind.PermissionDenied => ErrorCategory.PermissionDenied,
        SsprErrorKind.LicenseRequired => ErrorCategory.NotEnabled,
        SsprErrorKind.AuthenticationFailed => ErrorCategory.AuthenticationError,
        SsprErrorKind.ConnectionFailed => ErrorCategory.ConnectionError,
        SsprErrorKind.Throttled => ErrorCategory.LimitsExceeded,
        SsprErrorKind.Cancelled => ErrorCategory.OperationStopped,
        _ => ErrorCategory.ProtocolError,
    };
}
