namespace SsprTools.Engine.Facts;

/// <summary>What the user object says about a B2B collaboration account, whatever its userType.</summary>
/// <param name="ExternalUserState">user.externalUserState: "PendingAcceptance" or "Accepted" for invited users, null for all
/// other users (user.md).</param>
/// <param name="CreationType">user.creationType: "Invitation" for an external account (user.md).</param>
public sealed record ExternalUserSignals(string? ExternalUserState, string? CreationType);
