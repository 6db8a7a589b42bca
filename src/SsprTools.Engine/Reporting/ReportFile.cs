using System;
using System.IO;
using System.Text;

namespace SsprTools.Engine.Reporting;

/// <summary>Writes a report file whole or not at all: into a temporary file beside the target, then moved over it,
/// so a failure midway never leaves half a report (or destroys the previous one). UTF-8 without a byte order mark.</summary>
public static class ReportFile
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="path"/> (a full path) with what <paramref name="write"/> writes. A read-only
    /// target is replaced only when <paramref name="replaceReadOnly"/> is set, and stays read-only, as Out-File -Force does.</summary>
    public static void Write(string path, bool replaceReadOnly, Action<TextWriter> write)
    {
        var directory = Path.GetDirectoryName(path) ?? throw new ArgumentException($"'{path}' is not a file path.", nameof(path));
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
            using (var writer = new StreamWriter(stream, Utf8, 64 * 1024) { NewLine = "\n" })
            {
                write(writer);
            }

            MoveOver(temporary, path, replaceReadOnly);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static void MoveOver(string temporary, string path, bool replaceReadOnly)
    {
        if (!File.Exists(path))
        {
            File.Move(temporary, path);
            return;
        }

        var attributes = File.GetAttributes(path);
        var readOnly = (attributes & FileAttributes.ReadOnly) != 0;
        if (readOnly && !replaceReadOnly)
        {
            throw new UnauthorizedAccessException($"'{path}' is read-only.");
        }

        if (readOnly)
        {
            File.SetAttributes(path, attributes & ~FileAttributes.ReadOnly);
        }

        try
        {
            File.Replace(temporary, path, destinationBackupFileName: null, ignoreMetadataErrors: true);
        }
        finally
        {
            if (readOnly)
            {
                File.SetAttributes(path, File.GetAttributes(path) | FileAttributes.ReadOnly);
            }
        }
    }
}
