using System;
using System.Collections.Generic;
using System.Linq;

namespace SsprTools.Engine.Catalogs;

/// <summary>What one audit event says about a reset journey.</summary>
internal enum ReasonKind
{
    /// <summary>A step on the way (user id submitted, a method started or completed): decides nothing.</summary>
    Step,
    Succeeded,
    Failed,
    Blocked,

    /// <summary>The user stopped: abandoned, cancelled or contacted an administrator.</summary>
    Abandoned,
}

/// <summary>The meaning of a resultReason: its kind and, for failures, the SSPR code whose wording it matches.</summary>
internal sealed record ReasonMeaning(ReasonKind Kind, string? ErrorCode = null);

/// <summary>
/// Reads the resultReason texts of SSPR events. The texts are the legacy "Details" values (azure-docs
/// active-directory-passwords-get-insights.md, "Allowed values for details column") and those observed in today's log
/// (sspr-audit.md §4). Microsoft does not say whether today's log uses the legacy texts word for word, and one public
/// query compares with a trailing space, so texts are compared trimmed, ignoring case, by their distinctive opening.
/// No Microsoft page maps reasons to SSPR_00NN codes: the codes below match wording between the reason and the enum
/// names of troubleshoot-sspr.md ("SSPR errors that a user might see"); the mapping is ours (docs/rules.md).
/// </summary>
internal static class AuditReasonCatalog
{
    private static readonly (string Opening, ReasonMeaning Meaning)[] Openings =
    {
        ("User successfully reset password", new(ReasonKind.Succeeded)),
        ("Successfully completed reset", new(ReasonKind.Succeeded)),

        // TenantSSPRFlagDisabled = 9 "password reset hasn't been enabled by your administrator"; for an administrator
        // that flag is allowedToUseSSPR (support article SSPR_009).
        ("Password reset has been disabled entirely for this tenant", new(ReasonKind.Failed, SsprErrorCode.TenantSsprFlagDisabled)),
        ("User's password is managed on-premises", new(ReasonKind.Failed, SsprErrorCode.WritebackNotEnabled)),
        ("User does not have a license", new(ReasonKind.Failed, SsprErrorCode.UserNotLicensed)),
        ("This user is not a member of the password reset users group", new(ReasonKind.Failed, SsprErrorCode.UserNotMemberOfScopedAccessGroup)),
        ("User's account has insufficient authentication methods", new(ReasonKind.Failed, SsprErrorCode.UserNotProperlyConfigured)),
        ("We encountered a problem while resetting the user's on-premises password", new(ReasonKind.Failed, SsprErrorCode.OnPremisesAdminActionRequired)),
        ("We could not reach your on-premises password reset service", new(ReasonKind.Failed, SsprErrorCode.OnPremisesConnectivityError)),

        // Either SsprNotEnabledInUserPolicy = 11 or UserNotMemberOfScopedAccessGroup = 13: the text settles neither.
        ("Password reset is not enabled for this user", new(ReasonKind.Failed)),
        ("User tried to reset from a device without cookies enabled", new(ReasonKind.Failed)),

        ("User abandoned", new(ReasonKind.Abandoned)),
        ("User cancelled", new(ReasonKind.Abandoned)),
        ("User contacted an admin", new(ReasonKind.Abandoned)),
    };

    /// <summary>"... too many times and is blocked for 24 hours", "... invalid SMS verification codes and is blocked for 24 hours".</summary>
    private const string BlockedPhrase = "is blocked for 24 hours";

    public static ReasonMeaning Classify(string activity, string result, string reason)
    {
        if (AuditActivityCatalog.Is(activity, AuditActivityCatalog.Blocked))
        {
            return new ReasonMeaning(ReasonKind.Blocked);
        }

        var text = (reason ?? "").Trim();
        if (text.IndexOf(BlockedPhrase, StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return new ReasonMeaning(ReasonKind.Blocked);
        }

        foreach (var (opening, meaning) in Openings)
        {
            if (text.StartsWith(opening, StringComparison.OrdinalIgnoreCase))
            {
                return meaning;
            }
        }

        if (IsFailure(result))
        {
            // A failure in words we don't know (FuzzyPolicyViolationInvalidPassword: the new password was refused) still
            // failed; it names no documented code.
            return new ReasonMeaning(ReasonKind.Failed);
        }

        return AuditActivityCatalog.Is(activity, AuditActivityCatalog.ResetSelfService)
            ? new ReasonMeaning(ReasonKind.Succeeded)
            : new ReasonMeaning(ReasonKind.Step);
    }

    /// <summary>operationResult values: success, failure, timeout, unknownFutureValue (resources/directoryaudit.md).</summary>
    public static bool IsFailure(string result) =>
        string.Equals(result, "failure", StringComparison.OrdinalIgnoreCase) || string.Equals(result, "timeout", StringComparison.OrdinalIgnoreCase);

    /// <summary>The openings this catalog knows, for docs and tests.</summary>
    public static IEnumerable<string> KnownOpenings => Openings.Select(o => o.Opening);
}
