using SsprTools.Model;

namespace SsprTools.Engine.Findings;

/// <summary>Builds findings of each severity.</summary>
internal static class FindingFactory
{
    public static Finding Error(string code, string errorCode, string message, string evidence, string remediation) =>
        new()
        {
            Code = code,
            Severity = FindingSeverity.Error,
            ErrorCode = errorCode,
            Message = message,
            Evidence = evidence,
            Remediation = remediation,
        };

    public static Finding Warning(string code, string message, string evidence, string? remediation = null) =>
        new() { Code = code, Severity = FindingSeverity.Warning, Message = message, Evidence = evidence, Remediation = remediation };

    public static Finding Information(string code, string message, string evidence, string? remediation = null) =>
        new() { Code = code, Severity = FindingSeverity.Information, Message = message, Evidence = evidence, Remediation = remediation };
}
