namespace SsprTools.Engine.Errors;

/// <summary>
/// What went wrong, in terms the cmdlet layer maps to a PowerShell ErrorCategory.
/// The engine has no PowerShell reference, so it speaks this small vocabulary instead.
/// </summary>
public enum SsprErrorKind
{
    NotConnected,
    InvalidArgument,
    NotFound,
    PermissionDenied,
    LicenseRequired,
    AuthenticationFailed,
    ConnectionFailed,
    Throttled,
    GraphError,
    Cancelled,
}
