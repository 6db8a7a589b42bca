namespace SsprTools.Engine.Diagnosis;

/// <summary>A user as role data names them (expanded principal or group member), before their full record is read.</summary>
internal sealed record DirectoryPrincipal(string Id, string? UserPrincipalName, string? DisplayName);
