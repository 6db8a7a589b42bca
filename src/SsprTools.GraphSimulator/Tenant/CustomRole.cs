namespace SsprTools.GraphSimulator.Tenant;

/// <summary>A custom directory role definition (unifiedRoleDefinition with isBuiltIn false; custom-create.md).</summary>
internal sealed record CustomRole(string Id, string DisplayName, string Description);
