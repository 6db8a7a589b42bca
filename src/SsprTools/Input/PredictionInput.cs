using System.Collections.Generic;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System;
using SsprTools.Engine.Findings;
using SsprTools.Model;

namespace SsprTools.Input;

/// <summary>
/// Turns what reaches Export-SsprReport into predictions: the ResetPrediction objects Test-SsprAdminReset emits, and
/// the same objects after a round trip through Export-Clixml/Import-Clixml (or ConvertTo-Json/ConvertFrom-Json),
/// which arrive as property bags and are read by property name.
/// </summary>
internal static class PredictionInput
{
    private static readonly string[] Outcomes = { PredictionOutcome.Succeeds, PredictionOutcome.Fails, PredictionOutcome.Unknown };

    /// <summary>True when <paramref name="input"/> is a prediction object as Test-SsprAdminReset made it, not a copy.</summary>
    public static bool IsLive(PSObject? input) => input?.BaseObject is ResetPrediction;

    /// <summary>The prediction <paramref name="input"/> holds; null when it is not one (no known Outcome, or no user).</summary>
    public static ResetPrediction? Read(PSObject? input)
    {
        if (input is null)
        {
            return null;
        }

        if (input.BaseObject is ResetPrediction live)
        {
            return live;
        }

        var outcome = Outcomes.FirstOrDefault(o => string.Equals(o, Text(input, "Outcome"), StringComparison.OrdinalIgnoreCase));
        var userId = Text(input, "UserId");
        var userPrincipalName = Text(input, "UserPrincipalName");
        if (outcome is null || (userId.Length == 0 && userPrincipalName.Length == 0))
        {
            return null;
        }

        return new ResetPrediction
        {
            UserId = userId,
            UserPrincipalName = userPrincipalName,
            DisplayName = Text(input, "DisplayName"),
            IsAdmin = Flag(input, "IsAdmin"),
            AdminRoles = Items(input, "AdminRoles").Select(r => r.ToString()).ToArray(),
            EligibleAdminRoles = Items(input, "EligibleAdminRoles").Select(r => r.ToString()).ToArray(),
            IsSynced = Flag(input, "IsSynced"),
            Outcome = outcome,
            PredictedError = OptionalText(input, "PredictedError"),
            AlternativeErrors = Items(input, "AlternativeErrors").Select(e => e.ToString()).ToArray(),
            Reason = Text(input, "Reason"),
            Findings = Items(input, "Findings").Select(ReadFinding).ToArray(),
        };
    }

    private static Finding ReadFinding(PSObject finding) => new()
    {
        Code = Text(finding, "Code"),
        Severity = OptionalText(finding, "Severity") ?? FindingSeverity.Information,
        Message = finding.BaseObject is string text ? text : Text(finding, "Message"),
        Evidence = Text(finding, "Evidence"),
        Remediation = OptionalText(finding, "Remediation"),
        ErrorCode = OptionalText(finding, "ErrorCode"),
    };

    private static object? Value(PSObject input, string name)
    {
        var value = input.Properties[name]?.Value;
        return value is PSObject wrapped ? wrapped.BaseObject : value;
    }

    private static string Text(PSObject input, string name) => OptionalText(input, name) ?? "";

    private static string? OptionalText(PSObject input, string name)
    {
        var text = Convert.ToString(Value(input, name), CultureInfo.InvariantCulture);
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static bool? Flag(PSObject input, string name) => Value(input, name) switch
    {
        bool flag => flag,
        string text when bool.TryParse(text, out var flag) => flag,
        _ => null,
    };

    // Arrays come back from Import-Clixml as ArrayLists of property bags, and a one-element array from some
    // serializers as the element itself (kept wrapped: a property bag's properties live on its PSObject).
    private static IEnumerable<PSObject> Items(PSObject input, string name)
    {
        var value = input.Properties[name]?.Value;
        var unwrapped = value is PSObject wrapped ? wrapped.BaseObject : value;
        return unwrapped switch
        {
            null => Enumerable.Empty<PSObject>(),
            IEnumerable items and not string => items.Cast<object?>().Where(i => i is not null).Select(i => PSObject.AsPSObject(i!)),
            _ => new[] { PSObject.AsPSObject(value!) },
        };
    }
}
