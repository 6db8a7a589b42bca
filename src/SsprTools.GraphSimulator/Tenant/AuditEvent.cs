namespace SsprTools.GraphSimulator.Tenant;

/// <summary>One directoryAudit record (graph-docs resources/directoryaudit.md). Immutable once the tenant is built.</summary>
internal sealed record AuditEvent
{
    public required string Id { get; init; }
    public required DateTimeOffset ActivityDateTime { get; init; }
    public required string ActivityDisplayName { get; init; }
    public required string Category { get; init; }
    public required string CorrelationId { get; init; }
    public required string LoggedByService { get; init; }
    public string OperationType { get; init; } = "Update";
    /// <summary>operationResult: success, failure, timeout.</summary>
    public string Result { get; init; } = "success";
    public string ResultReason { get; init; } = "";
    /// <summary>initiatedBy.user; null when an app acted.</summary>
    public AuditUser? InitiatedByUser { get; init; }
    /// <summary>initiatedBy.app; null when a user acted.</summary>
    public AuditApp? InitiatedByApp { get; init; }
    public IReadOnlyList<AuditTarget> TargetResources { get; init; } = [];
    public IReadOnlyList<KeyValuePair<string, string>> AdditionalDetails { get; init; } = [];
}

/// <summary>userIdentity in initiatedBy: "when the unique identifier is unavailable, the displayName is provided but the id isn't".</summary>
internal sealed record AuditUser(string? Id, string? DisplayName, string? UserPrincipalName, string? IpAddress);

/// <summary>appIdentity in initiatedBy.</summary>
internal sealed record AuditApp(string? AppId, string? DisplayName, string? ServicePrincipalId, string? ServicePrincipalName);

/// <summary>targetResource: type User, Policy, Directory, …; userPrincipalName only for users.</summary>
internal sealed record AuditTarget(string? Id, string? DisplayName, string Type, string? UserPrincipalName, IReadOnlyList<AuditModifiedProperty> ModifiedProperties);

internal sealed record AuditModifiedProperty(string DisplayName, string? OldValue, string? NewValue);
