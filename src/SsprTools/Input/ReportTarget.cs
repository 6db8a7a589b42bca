using System.IO;
using System.Management.Automation;
using System;
using Microsoft.PowerShell.Commands;
using SsprTools.Hosting;

namespace SsprTools.Input;

/// <summary>Where Export-SsprReport writes, decided before any work is done: -Path resolved as Out-File resolves it
/// (relative to the current location, PowerShell drives allowed, file system only), then -NoClobber and -Force.</summary>
internal static class ReportTarget
{
    /// <summary>The full file path, or the error that stops the command.</summary>
    public static ErrorRecord? TryResolve(PSCmdlet cmdlet, string path, bool noClobber, bool force, out string fullPath)
    {
        fullPath = "";
        ProviderInfo provider;
        try
        {
            fullPath = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
        }
        catch (Exception e) when (e is ItemNotFoundException or System.Management.Automation.DriveNotFoundException or ProviderNotFoundException
            or NotSupportedException or ArgumentException or PSArgumentException or ProviderInvocationException)
        {
            return PathInvalid($"'{path}' is not a file path: {e.Message}", path);
        }

        if (provider.ImplementingType != typeof(FileSystemProvider))
        {
            return PathInvalid($"'{path}' is on the {provider.Name} drive; a report is written to a file.", path);
        }

        if (Directory.Exists(fullPath))
        {
            return PathInvalid($"'{fullPath}' is a directory; name the report file, for example {Path.Combine(fullPath, "sspr-report.html")}.", fullPath);
        }

        var directory = Path.GetDirectoryName(fullPath);
        if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory))
        {
            return ErrorRecordFactory.Create(new DirectoryNotFoundException($"The folder '{directory}' does not exist."),
                "ReportDirectoryNotFound", ErrorCategory.ObjectNotFound, fullPath, "Create the folder first, or name a report file in an existing one.");
        }

        if (File.Exists(fullPath) && noClobber)
        {
            return ErrorRecordFactory.Create(new IOException($"The file '{fullPath}' already exists and -NoClobber was given."),
                "ReportFileExists", ErrorCategory.ResourceExists, fullPath, "Name another file, or leave out -NoClobber to replace it.");
        }

        if (File.Exists(fullPath) && !force && (File.GetAttributes(fullPath) & FileAttributes.ReadOnly) != 0)
        {
            return ErrorRecordFactory.Create(new UnauthorizedAccessException($"The file '{fullPath}' is read-only."),
                "ReportFileReadOnly", ErrorCategory.PermissionDenied, fullPath, "Add -Force to replace a read-only report (it stays read-only).");
        }

        return null;
    }

    private static ErrorRecord PathInvalid(string message, string target) =>
        ErrorRecordFactory.InvalidArgument("ReportPathInvalid", message, target);
}
