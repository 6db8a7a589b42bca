using System.Collections.Generic;
using System.Globalization;
using System;
using SsprTools.Engine.Facts;
using SsprTools.Engine.Findings;
using SsprTools.Model;

namespace SsprTools.Engine.Rules;

/// <summary>The findings and evidence of the userRegistrationDetails row, shared by the rules that need it. The report
/// "is not updated in real-time and may reflect a latency of up to 36 hours" (howto-authentication-methods-activity.md,
/// "Limitations"), so its evidence always shows when the row was last updated and how long before the read.</summary>
internal static class RegistrationReport
{
    public static Finding Unreadable(UserFacts user) => FindingFactory.Warning(
        FindingCode.RegistrationDetailsUnreadable,
        "The user's row of the registration report (userRegistrationDetails) could not be read, so whether the user policy enables the user and whether they registered enough methods is unknown.",
        FactText.Unreadable("userRegistrationDetails", user.Registration),
        Remediation.GrantRegistrationReport);

    /// <summary>A flag the row leaves out (null) is unreadable, never false. One message names every missing flag the
    /// user-policy rules read, so the finding is the same whichever rule meets it first.</summary>
    public static Finding Incomplete(UserFacts user, RegistrationDetails registration)
    {
        var missing = new List<string>();
        var unknown = new List<string>();
        if (registration.IsSsprEnabled is null)
        {
            missing.Add("isSsprEnabled");
            unknown.Add("whether the user policy enables the user");
        }

        if (registration.IsSsprRegistered is null)
        {
            missing.Add("isSsprRegistered");
            unknown.Add("whether they registered enough methods");
        }

        return FindingFactory.Warning(
            FindingCode.RegistrationDetailsIncomplete,
            $"The user's row of the registration report has no value for {string.Join(" and ", missing)} (null). A missing value is unreadable, not false, so {string.Join(" and ", unknown)} is unknown.",
            Evidence(user),
            Remediation.RecheckRegistrationReport);
    }

    public static string Evidence(UserFacts user) => FactText.Describe(
        "userRegistrationDetails",
        user.Registration,
        r => $"isSsprEnabled {Flag(r.IsSsprEnabled)}, isSsprRegistered {Flag(r.IsSsprRegistered)}, isSsprCapable {Flag(r.IsSsprCapable)}, methodsRegistered {FactText.List(r.MethodsRegistered)}, lastUpdatedDateTime {LastUpdated(r, user.Registration.Evidence.ReadAt)}");

    /// <summary>"2026-12-08T01:00:00Z (3 h before this read)", or "null".</summary>
    public static string LastUpdated(RegistrationDetails row, DateTimeOffset? readAt) =>
        row.LastUpdatedDateTime is { } updated ? At(updated, readAt) : "null";

    /// <summary>A time and how long before the read it was: "2026-12-08T01:00:00Z (20 min before this read)".</summary>
    public static string At(DateTimeOffset time, DateTimeOffset? readAt) => Time(time) + Age(readAt - time);

    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Age(TimeSpan? age) => age switch
    {
        null => "",
        { } a when a < TimeSpan.Zero => "",
        { } a when a.TotalHours < 1 => $" ({(int)a.TotalMinutes} min before this read)",
        { } a when a.TotalHours < 48 => $" ({(int)a.TotalHours} h before this read)",
        { } a => $" ({(int)a.TotalDays} days before this read)",
    };

    private static string Flag(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => "null",
    };
}
