namespace SsprTools.Engine.Findings;

/// <summary>The fix for each condition: a command of this module, or the portal step Microsoft documents.</summary>
public static class Remediation
{
    /// <summary>concept-sspr-policy.md: allowedToUseSSPR; changes take up to 60 minutes.</summary>
    public const string EnableSsprForAdmins =
        "Enable-SsprForAdmins (sets allowedToUseSSPR = true; allow up to 60 minutes to take effect)";

    /// <summary>troubleshoot-sspr.md: "change the Self-service password reset enabled configuration to Selected or All".</summary>
    public const string EnableUserPolicy =
        "Entra admin center > Protection > Password reset > Properties > Self-service password reset enabled: Selected or All";

    /// <summary>troubleshoot-sspr.md, SSPR_0013.</summary>
    public const string AddToSsprGroup =
        "Add the user to the group selected in Entra admin center > Protection > Password reset > Properties (nested groups are supported)";

    /// <summary>concept-sspr-licensing.md.</summary>
    public const string LicenceCloudReset =
        "Acquire Microsoft 365 Business Standard or higher, or Microsoft Entra ID P1/P2, and assign it to the user (Microsoft 365 admin center > Billing > Licenses)";

    /// <summary>concept-sspr-licensing.md: writeback needs Entra ID P1, P2 or Microsoft 365 Business Premium.</summary>
    public const string LicenceWriteback =
        "Acquire Microsoft Entra ID P1/P2 or Microsoft 365 Business Premium and assign it to the user (Microsoft 365 admin center > Billing > Licenses)";

    /// <summary>troubleshoot-sspr.md, SSPR_0014; howto-sspr-authenticationdata.md.</summary>
    public const string RegisterMethods =
        "The user registers at https://aka.ms/ssprsetup, or an administrator pre-populates methods (Entra admin center > Users > the user > Authentication methods)";

    /// <summary>concept-sspr-policy.md, "Administrator reset policy differences".</summary>
    public const string RegisterAdminMethods =
        "Register enough methods the administrator policy accepts (email, mobile phone, Microsoft Authenticator, OATH token; never security questions) at https://aka.ms/ssprsetup, or have a Privileged Authentication Administrator pre-populate them (Entra admin center > Users > the user > Authentication methods)";

    /// <summary>concept-sspr-howitworks.md, "Write back passwords to your on-premises directory"; tutorial-enable-sspr-writeback.md.</summary>
    public const string EnableWriteback =
        "Entra admin center > Protection > Password reset > On-premises integration > Write back passwords to your on-premises directory (Password writeback must also be on in Microsoft Entra Connect or cloud sync)";

    public const string StateWriteback =
        "Check Entra admin center > Protection > Password reset > On-premises integration, then run again with -PasswordWriteback Enabled or -PasswordWriteback Disabled";

    public const string StateUserPolicy =
        "Check Entra admin center > Protection > Password reset > Properties, then run again with -SsprUserPolicy None, Selected or All";

    /// <summary>Support article password-writeback-error-code-sspr-0029.md, "Cause 1": "Solution: None (behavior is by
    /// design)"; administrators "can change their password in the cloud, but can't reset a forgotten one".</summary>
    public const string ProtectedAccountReset =
        "None in Entra (by design, support article SSPR_0029): the account can change a known password but can't reset a forgotten one through SSPR; reset it in on-premises Active Directory (Set-ADAccountPassword)";

    public const string StateProtectedGroup =
        "Check on-premises (Get-ADUser <sAMAccountName> -Properties adminCount), then run again with that output piped in (Get-ADUser <sAMAccountName> -Properties adminCount | Test-SsprAdminReset) or with -AdminCount 0|1, or with -OnPremisesProtectedAdmins None when no synchronized administrator is or was in a protected group";

    public const string GrantRegistrationReport =
        "Grant AuditLog.Read.All; the userRegistrationDetails report also needs a Microsoft Entra ID P1/P2 tenant";

    public const string EnableAccount =
        "Enable the account first (Update-MgUser -UserId <id> -AccountEnabled:$true); a password reset does not enable it";

    /// <summary>howto-authentication-methods-activity.md, "Limitations": latency "of up to 36 hours … recheck the report after 24 hours".</summary>
    public const string RecheckRegistrationReport =
        "Run again later: the registration report is refreshed periodically (up to 36 hours behind). Meanwhile check the user's methods in Entra admin center > Users > the user > Authentication methods";

    /// <summary>authentication-list-methods.md: UserAuthenticationMethod.Read.All; delegated callers also need a role.</summary>
    public const string GrantAuthenticationMethodRead =
        "Grant UserAuthenticationMethod.Read.All (application or delegated); with delegated sign-in the signed-in user also needs Privileged Authentication Administrator to read an administrator's methods (Authentication Administrator for other users), then run again";
}

