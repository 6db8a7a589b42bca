using SsprTools.Engine.Catalogs;
using SsprTools.Engine.Rules;

namespace SsprTools.Engine.Reporting;

/// <summary>What each SSPR_00NN code means, in the words of troubleshoot-sspr.md ("SSPR errors that a user might
/// see"), so a report reader need not look the code up.</summary>
public static class SsprErrorMeaning
{
    /// <summary>The meaning of <paramref name="code"/>; null for a code the rules never predict.</summary>
    public static string? Of(string? code) => code switch
    {
        SsprErrorCode.TenantSsprFlagDisabled => "Password reset isn't enabled for administrators (allowedToUseSSPR), or for other users by the user policy",
        SsprErrorCode.WritebackNotEnabled => "The password is managed on-premises and password writeback isn't enabled",
        SsprErrorCode.SsprNotEnabledInUserPolicy => "No password reset policy is defined",
        SsprErrorCode.UserNotLicensed => "The organization doesn't have the licences password reset needs",
        SsprErrorCode.UserNotMemberOfScopedAccessGroup => "The user isn't in the group password reset is enabled for",
        SsprErrorCode.UserNotProperlyConfigured => "Not enough authentication methods registered for password reset",
        SsprErrorCode.OnPremisesAdminActionRequired => "The on-premises configuration doesn't allow the reset: for example an account in an on-premises protected group, which writeback can't reset",
        _ => null,
    };

    /// <summary>A few words for a table cell; <see cref="Of"/> says it in full.</summary>
    public static string? Short(string? code) => code switch
    {
        SsprErrorCode.TenantSsprFlagDisabled => "Password reset not enabled",
        SsprErrorCode.WritebackNotEnabled => "Writeback not enabled",
        SsprErrorCode.SsprNotEnabledInUserPolicy => "No reset policy defined",
        SsprErrorCode.UserNotLicensed => "Licences missing",
        SsprErrorCode.UserNotMemberOfScopedAccessGroup => "Not in the SSPR group",
        SsprErrorCode.UserNotProperlyConfigured => "Too few methods registered",
        SsprErrorCode.OnPremisesAdminActionRequired => "On-premises setup blocks reset",
        _ => null,
    };
}
