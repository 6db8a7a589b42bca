using System;
using SsprTools.Model;

namespace SsprTools.Engine.Reporting;

/// <summary>Builds the <see cref="ReportContext"/> of Export-SsprReport from what the cmdlet gathered, so the cmdlet
/// only binds parameters, collects input and writes the file.</summary>
public static class ReportContextBuilder
{
    /// <param name="title">-Title; null gives <see cref="ReportContext.DefaultTitle"/>.</param>
    /// <param name="generatedAt">When the report is written.</param>
    /// <param name="moduleVersion">The SsprTools version writing it.</param>
    /// <param name="source">The source sentence (<see cref="ReportSource"/>).</param>
    /// <param name="connection">The Graph connection at report time; null when not connected.</param>
    /// <param name="adminPolicy">The switch to show (<see cref="ReportAdminPolicy.Choose"/>).</param>
    public static ReportContext Build(string? title, DateTimeOffset generatedAt, string moduleVersion, string source,
        SsprConnection? connection, ReportAdminPolicy adminPolicy) => new()
    {
        Title = title ?? ReportContext.DefaultTitle,
        GeneratedAt = generatedAt,
        ModuleVersion = moduleVersion,
        Source = source,
        Connection = connection is null ? null : ReportConnection.From(connection),
        AdminPolicy = adminPolicy.Policy,
        AdminPolicyNote = adminPolicy.Note,
    };
}
