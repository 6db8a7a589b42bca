using System;
using System.Globalization;

namespace SsprTools.Engine.Facts;

/// <summary>Where a fact came from and when: a Graph call ("GET /v1.0/policies/authorizationPolicy"),
/// a cmdlet parameter the administrator stated, or nothing at all.</summary>
public sealed class Evidence
{
    public Evidence(string source, DateTimeOffset? readAt)
    {
        Source = source ?? throw new ArgumentNullException(nameof(source));
        ReadAt = readAt;
    }

    /// <summary>The call or parameter, e.g. "GET /v1.0/policies/authorizationPolicy".</summary>
    public string Source { get; }

    /// <summary>When the fact was read or stated; null when it never was.</summary>
    public DateTimeOffset? ReadAt { get; }

    /// <summary>Evidence of a fact nobody collected.</summary>
    public static Evidence NotCollected { get; } = new("not collected", null);

    public static Evidence Graph(string method, string path, DateTimeOffset readAt) =>
        new(method + " " + path, readAt);

    /// <summary>A value the administrator stated, e.g. <c>-PasswordWriteback Enabled</c>.</summary>
    public static Evidence Parameter(string parameterName, DateTimeOffset? statedAt = null) =>
        new("parameter " + parameterName, statedAt);

    public override string ToString() =>
        ReadAt is { } at
            ? Source + " at " + at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : Source;
}
