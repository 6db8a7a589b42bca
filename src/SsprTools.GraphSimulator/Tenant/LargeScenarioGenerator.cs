namespace SsprTools.GraphSimulator.Tenant;

/// <summary>
/// Generates the users of a big tenant from counts and a seed. Administrators are spread over direct active
/// assignments, role-assignable groups and PIM eligibility so every code path of a sweep is exercised at scale.
/// </summary>
internal static class LargeScenarioGenerator
{
    // SSPR-listed roles handed out round-robin (template ids from admin-roles.md).
    private static readonly string[] AdminRoles =
    [
        "Global Administrator", "User Administrator", "Helpdesk Administrator", "Password Administrator",
        "Authentication Administrator", "Exchange Administrator", "SharePoint Administrator", "Security Administrator",
        "Privileged Role Administrator", "Application Administrator", "Intune Administrator", "Billing Administrator",
    ];

    public static void Expand(ScenarioFile file, SimulatorOptions options)
    {
        var spec = file.Generate ?? new GenerateSpec();
        var userCount = options.Users ?? spec.Users;
        var adminCount = Math.Min(options.Admins ?? spec.Admins, userCount);
        if (userCount < 0 || adminCount < 0)
            throw new ScenarioException("User and admin counts must not be negative.");
        var domain = spec.Domain ?? file.Organization.VerifiedDomains.FirstOrDefault(d => d.IsDefault)?.Name ?? "contoso.com";
        var random = new Random(options.Seed);

        var roleGroups = AdminRoles.Select(role => new GroupSpec
        {
            DisplayName = $"Role - {role}",
            Description = $"Role-assignable group holding {role}.",
            IsAssignableToRole = true,
        }).ToList();

        for (var i = 0; i < userCount; i++)
        {
            var isAdmin = i < adminCount;
            var synced = random.NextDouble() < 0.7;
            var upn = $"user{i:D5}@{domain}";
            file.Users.Add(new UserSpec
            {
                UserPrincipalName = upn,
                DisplayName = $"User {i:D5}",
                GivenName = "User",
                Surname = i.ToString("D5"),
                Mail = upn,
                JobTitle = isAdmin ? "Administrator" : "Staff",
                AccountEnabled = random.NextDouble() >= 0.02,
                UserType = !isAdmin && random.NextDouble() < 0.03 ? "Guest" : "Member",
                OnPremisesSyncEnabled = synced ? true : null,
                OnPremisesImmutableId = synced ? Convert.ToBase64String(Guid.Parse(Ids.Derive(file.TenantId, "anchor", upn)).ToByteArray()) : null,
                Licenses = ["AAD_PREMIUM_P2"],
                Methods = Methods(random.Next(4), i, domain),
            });
            if (!isAdmin)
                continue;
            var role = AdminRoles[i % AdminRoles.Length];
            switch (i % 5)
            {
                case 3: // through a role-assignable group
                    roleGroups[i % AdminRoles.Length].Members.Add(upn);
                    break;
                case 4:
                    file.Roles.Add(new RoleSpec { Role = role, Principal = upn, Assignment = "eligible" });
                    break;
                default:
                    file.Roles.Add(new RoleSpec { Role = role, Principal = upn, Assignment = "active" });
                    break;
            }
        }

        foreach (var group in roleGroups.Where(g => g.Members.Count > 0))
        {
            file.Groups.Add(group);
            file.Roles.Add(new RoleSpec { Role = group.DisplayName["Role - ".Length..], Principal = group.DisplayName, Assignment = "active" });
        }

        var auditEvents = options.AuditEvents ?? spec.AuditEvents;
        if (auditEvents < 0)
            throw new ScenarioException("The audit event count must not be negative.");
        if (auditEvents > 0 && userCount > 0)
            AuditActivityGenerator.Add(file, file.Users.TakeLast(userCount).ToList(), adminCount, auditEvents, spec.AuditDays, random);
    }

    private static List<MethodSpec> Methods(int count, int i, string domain)
    {
        var all = new List<MethodSpec>
        {
            new() { Type = "phone", PhoneType = "mobile", PhoneNumber = $"+1 425555{i % 10000:D4}" },
            new() { Type = "microsoftAuthenticator", DisplayName = "Phone" },
            new() { Type = "email", EmailAddress = $"user{i:D5}.private@{domain.Split('.')[0]}.example" },
        };
        return all.Take(count).ToList();
    }
}
