namespace SsprTools.GraphSimulator.Tenant;

/// <summary>
/// Expands one compact journey into the records Self-service Password Management writes for it (sspr-audit.md §3):
/// one "flow activity progress" event per step, all sharing one correlationId, then the outcome's closing event.
/// </summary>
internal static class AuditJourneys
{
    public const string SsprService = "Self-service Password Management";
    public const string FlowProgress = "Self-service password reset flow activity progress";
    public const string ResetSelfService = "Reset password (self-service)";
    public const string Blocked = "Blocked from self-service password reset";

    // Step texts observed in today's log (Cloud-Architekt, le0li9ht; sspr-audit.md §3).
    public static readonly string[] TypicalSteps =
    [
        "User submitted their user ID",
        "User was presented with verification options",
        "User started the mobile SMS verification option",
        "User completed the mobile SMS verification option",
    ];

    // Legacy "Details" texts (sspr-audit.md §4.1); whether today's log uses them word for word is open question 2.
    public const string DefaultFailure = "User's account has insufficient authentication methods defined. Add authentication info to resolve this";
    public const string DefaultBlock = "User entered too many invalid SMS verification codes and is blocked for 24 hours";

    public static IEnumerable<AuditEvent> Expand(AuditJourneySpec journey, UserRecord user, DateTimeOffset start, string correlationId, Func<string, int, string> id)
    {
        var outcome = journey.Outcome.ToLowerInvariant();
        if (outcome is not ("succeeded" or "failed" or "blocked" or "abandoned"))
            throw new ScenarioException($"Audit journey of '{journey.User}': outcome must be succeeded, failed, blocked or abandoned, not '{journey.Outcome}'.");
        IEnumerable<string> steps = (IEnumerable<string>?)journey.Steps ?? outcome switch
        {
            "succeeded" => [.. TypicalSteps, "User successfully reset password"],
            "failed" => TypicalSteps[..1],
            "blocked" => TypicalSteps[..3],
            "abandoned" => TypicalSteps[..2],
            _ => [],
        };
        var actor = new AuditUser(user.Id, user.DisplayName, user.UserPrincipalName, journey.IpAddress ?? IpFor(user.Id));
        var target = new AuditTarget(user.Id, user.DisplayName, "User", user.UserPrincipalName, []);
        var index = 0;
        AuditEvent Event(string activity, string result, string reason) => new()
        {
            Id = id(correlationId, index),
            ActivityDateTime = start.AddSeconds(journey.StepSeconds * index++),
            ActivityDisplayName = activity,
            Category = "UserManagement",
            CorrelationId = correlationId,
            LoggedByService = SsprService,
            Result = result,
            ResultReason = reason,
            InitiatedByUser = actor,
            TargetResources = [target],
        };

        foreach (var step in steps)
            yield return Event(FlowProgress, "success", step);
        switch (outcome)
        {
            case "succeeded":
                yield return Event(ResetSelfService, "success", "Successfully completed reset.");
                break;
            case "failed":
                yield return Event(FlowProgress, "failure", journey.Reason ?? DefaultFailure);
                break;
            case "blocked":
                // "success only: the user was throttled" (howto-sspr-reporting.md); sharing the attempt's correlationId is our choice (open question 9).
                yield return Event(Blocked, "success", journey.Reason ?? DefaultBlock);
                break;
        }
    }

    /// <summary>A documentation-range address (RFC 5737) that stays the same for one user.</summary>
    public static string IpFor(string seed) => $"203.0.113.{seed.Aggregate(17u, (h, c) => unchecked(h * 31 + c)) % 254 + 1}";
}
