using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace SsprTools.Engine.Reporting;

/// <summary>The report's stylesheet and script (Reporting/Assets, embedded in the engine) and their CSP hashes.
/// Hashes instead of 'unsafe-inline': should tenant data ever slip past the encoder, a browser still runs no
/// script but ours.</summary>
internal static class ReportAssets
{
    private static readonly Lazy<Asset> LazyStyle = new(() => Load("report.css"));
    private static readonly Lazy<Asset> LazyScript = new(() => Load("report.js"));

    public static Asset Style => LazyStyle.Value;

    public static Asset Script => LazyScript.Value;

    private static Asset Load(string name)
    {
        var resource = $"{typeof(ReportAssets).Namespace}.Assets.{name}";
        using var stream = typeof(ReportAssets).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The engine is missing its embedded resource {resource}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        // Browsers hash the element's text after turning CRLF into LF; a checkout with CRLF must hash the same.
        var text = reader.ReadToEnd().Replace("\r\n", "\n");
        using var sha = SHA256.Create();
        return new Asset(text, "'sha256-" + Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(text))) + "'");
    }

    /// <summary>Text to embed verbatim, and the CSP source expression that allows exactly it.</summary>
    internal sealed record Asset(string Text, string CspHash);
}
