namespace SsprTools.GraphSimulator.Tenant;

// The scenario's "auditLog" section (docs/scenarios.md). Journeys are the compact form of one self-service reset;
// events are any other record (admin resets, registrations, policy changes, other services' noise).

internal sealed class AuditLogSpec
{
    public AuditLogSettings Settings { get; set; } = new();
    public List<AuditJourneySpec> Journeys { get; set; } = new();
    public List<AuditEventSpec> Events { get; set; } = new();
}

internal sealed class AuditJourneySpec
{
    /// <summary>UPN or object id of a scenario user: the actor and target of every step.</summary>
    public string User { get; set; } = "";
    /// <summary>First step's time: ISO 8601 ("2026-12-02T17:46:09Z") or a duration before the simulator's clock at load ("-P2DT3H").</summary>
    public string Start { get; set; } = "";
    /// <summary>succeeded, failed, blocked or abandoned.</summary>
    public string Outcome { get; set; } = "";
    /// <summary>resultReason of each successful "flow activity progress" step; omitted = the outcome's typical steps.</summary>
    public List<string>? Steps { get; set; }
    /// <summary>failed: the failing step's reason; blocked: the block event's reason. Omitted = a documented default.</summary>
    public string? Reason { get; set; }
    public string? CorrelationId { get; set; }
    public string? IpAddress { get; set; }
    /// <summary>Seconds between steps.</summary>
    public int StepSeconds { get; set; } = 15;
}

internal sealed class AuditEventSpec
{
    public string? Id { get; set; }
    /// <summary>ISO 8601 or a duration before the clock ("-PT5H"), as in journeys.</summary>
    public string At { get; set; } = "";
    public string Activity { get; set; } = "";
    public string Service { get; set; } = AuditJourneys.SsprService;
    public string Category { get; set; } = "UserManagement";
    public string OperationType { get; set; } = "Update";
    public string Result { get; set; } = "success";
    public string Reason { get; set; } = "";
    /// <summary>Acting user: a scenario user's UPN or id, or any other UPN (e.g. fim_password_service@support.onmicrosoft.com).</summary>
    public string? By { get; set; }
    /// <summary>Acting app, when no user acted.</summary>
    public AuditAppSpec? App { get; set; }
    public List<AuditTargetSpec> Targets { get; set; } = new();
    /// <summary>additionalDetails as key → value (e.g. "OnPremisesAgent": "None").</summary>
    public Dictionary<string, string> Details { get; set; } = new();
    public string? CorrelationId { get; set; }
    public string? IpAddress { get; set; }
}

internal sealed class AuditAppSpec
{
    public string? AppId { get; set; }
    public string? DisplayName { get; set; }
    public string? ServicePrincipalId { get; set; }
    public string? ServicePrincipalName { get; set; }
}

internal sealed class AuditTargetSpec
{
    /// <summary>A scenario user (UPN or id): fills id, displayName, type User and userPrincipalName.</summary>
    public string? User { get; set; }
    public string? Id { get; set; }
    public string? DisplayName { get; set; }
    public string Type { get; set; } = "User";
    public string? UserPrincipalName { get; set; }
    public List<AuditModifiedPropertySpec> ModifiedProperties { get; set; } = new();
}

internal sealed class AuditModifiedPropertySpec
{
    public string DisplayName { get; set; } = "";
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
}
