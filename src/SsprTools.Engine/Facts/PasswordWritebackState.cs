namespace SsprTools.Engine.Facts;

/// <summary>The portal toggle "Write back passwords to your on-premises directory". Graph has no documented read
/// of it (onPremisesSynchronization.features.passwordWritebackEnabled is documented as not in use), so it comes from
/// the administrator (<c>-PasswordWriteback</c>); when nobody states it the fact is unreadable, i.e. Unknown.</summary>
public enum PasswordWritebackState
{
    Enabled,
    Disabled,
}
