namespace SsprTools.Engine.Facts;

/// <summary>A run-wide statement about on-premises protected groups (AdminSDHolder; adminCount = 1), which Graph cannot
/// see. <see cref="None"/>: no synchronized administrator is or was in an on-premises protected group, so none gets
/// SSPR_0029 for that cause (support article password-writeback-error-code-sspr-0029.md, "Cause 1"). Stated with
/// <c>-OnPremisesProtectedAdmins None</c>; unstated means unreadable.</summary>
public enum OnPremisesProtectedAdmins
{
    None,
}
