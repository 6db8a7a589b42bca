using SsprTools.Engine.Facts;

namespace SsprTools.Engine.Diagnosis;

/// <summary>What the administrator states that Graph cannot read. Null means "not stated": the fact stays unknown.</summary>
public sealed record DiagnosisOptions
{
    /// <summary>The portal's "Write back passwords to your on-premises directory" (-PasswordWriteback).</summary>
    public PasswordWritebackState? PasswordWriteback { get; init; }

    /// <summary>The user SSPR policy "Self-service password reset enabled: None/Selected/All" (-SsprUserPolicy).</summary>
    public SsprUserPolicyScope? UserPolicyScope { get; init; }

    /// <summary>Whether synchronized administrators are or were in on-premises protected groups (-OnPremisesProtectedAdmins).</summary>
    public OnPremisesProtectedAdmins? OnPremisesProtectedAdmins { get; init; }

    /// <summary>Read each user's self-service reset attempts from the audit log (Test-SsprAdminReset -IncludeActivity).</summary>
    public bool IncludeActivity { get; init; }
}
