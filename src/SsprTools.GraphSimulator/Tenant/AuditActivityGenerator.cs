using System.Xml;

namespace SsprTools.GraphSimulator.Tenant;

/// <summary>
/// Generates a large tenant's audit log: exactly N Self-service Password Management events (reset journeys and admin
/// resets) spread over the last D days, plus the Core Directory write that follows each successful reset.
/// Outcomes follow the generated tenant: administrators fail (SSPR for administrators is off), users without methods
/// fail for lack of methods, synchronized users fail for lack of writeback, the rest succeed, abandon or get blocked.
/// </summary>
internal static class AuditActivityGenerator
{
    private const string AdminOff = "Password reset has been disabled entirely for this tenant. See [here](http://aka.ms/ssprtroubleshoot) to resolve this.";
    private const string NoWriteback = "User's password is managed on-premises. You can enable Password Writeback to resolve this";
    private const string PasswordService = "fim_password_service@support.onmicrosoft.com";

    public static void Add(ScenarioFile file, IReadOnlyList<UserSpec> users, int adminCount, int events, int days, Random random)
    {
        var audit = file.AuditLog ??= new AuditLogSpec();
        var window = Math.Max(days, 1) * 86_400.0 - 3_600; // keep the newest journey an hour clear of "now"
        string Ago(double seconds) => XmlConvert.ToString(-TimeSpan.FromSeconds(Math.Round(seconds)));

        var remaining = events;
        while (remaining > 0)
        {
            var index = random.Next(users.Count);
            var user = users[index];
            var secondsAgo = 600 + random.NextDouble() * window;
            var roll = random.NextDouble();
            if (roll < 0.05 && adminCount > 0)
            {
                audit.Events.Add(AdminReset(users[random.Next(adminCount)], user, Ago(secondsAgo)));
                remaining--;
                continue;
            }
            var journey = new AuditJourneySpec { User = user.UserPrincipalName, Start = Ago(secondsAgo) };
            (string Outcome, string? Reason) decided = roll switch
            {
                < 0.20 => ("abandoned", null),
                < 0.25 when user.Methods.Count > 0 => ("blocked", null),
                _ when index < adminCount => ("failed", AdminOff),
                _ when user.Methods.Count == 0 => ("failed", AuditJourneys.DefaultFailure),
                _ when user.OnPremisesSyncEnabled == true => ("failed", NoWriteback),
                _ => ("succeeded", null),
            };
            (journey.Outcome, journey.Reason) = decided;
            var size = journey.Outcome switch { "succeeded" => 6, "blocked" => 4, _ => 2 };
            if (size > remaining)
            {
                // The last journey takes exactly the events left: abandoned after that many steps.
                journey.Outcome = "abandoned";
                journey.Reason = null;
                journey.Steps = AuditJourneys.TypicalSteps.Take(remaining).ToList();
                size = remaining;
            }
            audit.Journeys.Add(journey);
            remaining -= size;
            if (journey.Outcome == "succeeded")
                audit.Events.Add(DirectoryWrite(user, Ago(secondsAgo - 6 * journey.StepSeconds)));
        }
    }

    private static AuditEventSpec AdminReset(UserSpec admin, UserSpec user, string at) => new()
    {
        At = at,
        Activity = "Reset password (by admin)",
        By = admin.UserPrincipalName,
        Targets = [new AuditTargetSpec { User = user.UserPrincipalName }],
        Details = new() { ["OnPremisesAgent"] = user.OnPremisesSyncEnabled == true ? "Microsoft Entra Connect" : "None" },
    };

    // The directory write of a self-service reset: Core Directory, by the internal password service, with its own correlationId.
    private static AuditEventSpec DirectoryWrite(UserSpec user, string at) => new()
    {
        At = at,
        Activity = "Reset password",
        Service = "Core Directory",
        By = PasswordService,
        Targets = [new AuditTargetSpec { User = user.UserPrincipalName }],
    };
}
