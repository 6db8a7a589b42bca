using System;
using System.Globalization;

namespace SsprTools.Engine.Reporting;

/// <summary>Times in a report: UTC, ISO-8601, to the second, whatever the reader's or the writer's time zone.</summary>
internal static class ReportTime
{
    public static string Utc(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
