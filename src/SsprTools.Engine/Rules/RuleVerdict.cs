using System.Collections.Generic;
using System;
using SsprTools.Engine.Facts;
using SsprTools.Engine.Findings;
using SsprTools.Model;

namespace SsprTools.Engine.Rules;

internal enum VerdictKind
{
    Pass,
    Fail,

    /// <summary>A deciding fact is unreadable, or Microsoft does not document the behaviour.</summary>
    Undetermined,
    NotApplicable,
}

/// <summary>What one rule concluded for one user, with the findings that show why.</summary>
internal sealed class RuleVerdict
{
    private RuleVerdict(VerdictKind kind, string? errorCode, string summary, IReadOnlyList<Finding> findings, bool stopsEvaluation)
    {
        Kind = kind;
        ErrorCode = errorCode;
        Summary = summary;
        Findings = findings;
        StopsEvaluation = stopsEvaluation;
    }

    public VerdictKind Kind { get; }

    /// <summary>The SSPR error when <see cref="Kind"/> is Fail.</summary>
    public string? ErrorCode { get; }

    /// <summary>Short clause for the prediction's one-line reason.</summary>
    public string Summary { get; }

    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>The remaining rules do not apply (a guest resets in the home tenant).</summary>
    public bool StopsEvaluation { get; }

    public static RuleVerdict Pass(string summary, params Finding[] findings) =>
        new(VerdictKind.Pass, null, summary, findings, false);

    /// <summary>A failure: <paramref name="error"/> must be the Error finding that carries the SSPR code.</summary>
    public static RuleVerdict Fail(string summary, Finding error, params Finding[] more)
    {
        if (error.Severity != FindingSeverity.Error || error.ErrorCode is null)
        {
            throw new ArgumentException("A failing verdict needs an Error finding with an SSPR code.", nameof(error));
        }

        var findings = new List<Finding> { error };
        findings.AddRange(more);
        return new(VerdictKind.Fail, error.ErrorCode, summary, findings, false);
    }

    public static RuleVerdict Undetermined(string summary, params Finding[] findings) =>
        new(VerdictKind.Undetermined, null, summary, findings, false);

    /// <summary>A deciding fact could not be read: Undetermined, with a warning that names the fact and why.</summary>
    public static RuleVerdict Unreadable<T>(Fact<T> fact, string factName, string code, string message, string? remediation = null) =>
        Undetermined(factName + " unreadable", FindingFactory.Warning(code, message, FactText.Unreadable(factName, fact), remediation));

    public static RuleVerdict NotApplicable(params Finding[] findings) =>
        new(VerdictKind.NotApplicable, null, "", findings, false);

    public static RuleVerdict UndeterminedAndStop(string summary, params Finding[] findings) =>
        new(VerdictKind.Undetermined, null, summary, findings, true);
}
