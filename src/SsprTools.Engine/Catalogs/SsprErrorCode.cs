using System;

namespace SsprTools.Engine.Catalogs;

/// <summary>The SSPR_00NN codes the SSPR portal shows ("Technical details"), from entra-docs
/// docs/identity/authentication/troubleshoot-sspr.md, "SSPR errors that a user might see".</summary>
public static class SsprErrorCode
{
    /// <summary>TenantSSPRFlagDisabled = 9: password reset not enabled (for administrators: allowedToUseSSPR off).</summary>
    public const string TenantSsprFlagDisabled = "SSPR_0009";

    /// <summary>WritebackNotEnabled = 10: the password is managed on-premises and writeback is off.</summary>
    public const string WritebackNotEnabled = "SSPR_0010";

    /// <summary>SsprNotEnabledInUserPolicy = 11: no password reset policy defined.</summary>
    public const string SsprNotEnabledInUserPolicy = "SSPR_0011";

    /// <summary>UserNotLicensed = 12: the organization lacks the licences SSPR needs.</summary>
    public const string UserNotLicensed = "SSPR_0012";

    /// <summary>UserNotMemberOfScopedAccessGroup = 13: not in the group the user policy is scoped to.</summary>
    public const string UserNotMemberOfScopedAccessGroup = "SSPR_0013";

    /// <summary>UserNotProperlyConfigured = 14: not enough registered methods.</summary>
    public const string UserNotProperlyConfigured = "SSPR_0014";

    /// <summary>OnPremisesAdminActionRequired = 29: on-premises configuration; among its causes a synchronized account in an
    /// on-premises protected group, which writeback can't reset by design (support article password-writeback-error-code-sspr-0029.md).
    /// Shown after the new password is submitted, so after every other check.</summary>
    public const string OnPremisesAdminActionRequired = "SSPR_0029";

    /// <summary>OnPremisesConnectivityError = 30: the on-premises password reset service could not be reached. Not predicted
    /// from settings; the audit log can show it (an observed attempt).</summary>
    public const string OnPremisesConnectivityError = "SSPR_0030";

    /// <summary>The order the portal meets these conditions. concept-sspr-howitworks.md ("How does the password reset
    /// process work?") lists the checks as: SSPR enabled for the user, then authentication methods, then whether the
    /// password is managed on-premises (writeback). Inside the first step Microsoft gives no order; we use the
    /// enum numbers of troubleshoot-sspr.md (9, 11, 12, 13). SSPR_0029 comes last: the support article shows it "after the user
    /// or admin enters and confirms a new password".</summary>
    public static int CheckOrder(string code) => code switch
    {
        TenantSsprFlagDisabled => 1,
        SsprNotEnabledInUserPolicy => 2,
        UserNotLicensed => 3,
        UserNotMemberOfScopedAccessGroup => 4,
        UserNotProperlyConfigured => 5,
        WritebackNotEnabled => 6,
        OnPremisesAdminActionRequired => 7,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "not an SSPR error code the rules predict"),
    };
}
