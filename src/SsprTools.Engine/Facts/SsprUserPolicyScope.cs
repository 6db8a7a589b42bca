namespace SsprTools.Engine.Facts;

/// <summary>The user SSPR policy, "Self-service password reset enabled: None / Selected / All". Graph v1.0 does not
/// expose it, so it comes from the administrator; unstated means unreadable.</summary>
public enum SsprUserPolicyScope
{
    None,
    Selected,
    All,
}
