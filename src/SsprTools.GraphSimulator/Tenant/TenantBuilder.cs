namespace SsprTools.GraphSimulator.Tenant;

/// <summary>Turns a scenario file into a tenant: fills in derived ids and resolves names to object ids.</summary>
internal static class TenantBuilder
{
    // A fixed point in time, so derived timestamps are the same on every run.
    private static readonly DateTimeOffset Epoch = new(2024, 1, 15, 9, 0, 0, TimeSpan.Zero);

    public static TenantState Build(ScenarioFile file, TimeProvider? clock = null)
    {
        if (!Guid.TryParse(file.TenantId, out _))
            throw new ScenarioException($"Scenario '{file.Name}': tenantId must be a GUID.");
        var subscriptions = file.Subscriptions.Select(s => (LicenceCatalog.Find(s.SkuPartNumber), s)).ToList();
        var users = file.Users.Select((u, i) => BuildUser(file.TenantId, u, i)).ToList();
        var usersByKey = new Dictionary<string, UserRecord>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in users)
        {
            if (!usersByKey.TryAdd(user.Id, user) || !usersByKey.TryAdd(user.UserPrincipalName, user))
                throw new ScenarioException($"Scenario '{file.Name}': duplicate user '{user.UserPrincipalName}'.");
        }

        var groups = file.Groups.Select(g => new GroupRecord
        {
            Id = g.Id ?? Ids.Derive(file.TenantId, "group", g.DisplayName),
            DisplayName = g.DisplayName,
            Description = g.Description,
            IsAssignableToRole = g.IsAssignableToRole,
            SecurityEnabled = g.SecurityEnabled,
            MailEnabled = g.MailEnabled,
            MailNickname = g.MailNickname ?? new string(g.DisplayName.Where(char.IsLetterOrDigit).ToArray()),
            CreatedDateTime = Epoch,
            MembersUnreadable = g.MembersUnreadable,
        }).ToList();
        var groupsByKey = new Dictionary<string, GroupRecord>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in groups)
        {
            groupsByKey[group.Id] = group;
            groupsByKey[group.DisplayName] = group;
        }

        (string Id, bool IsGroup) Resolve(string key, string context) =>
            usersByKey.TryGetValue(key, out var u) ? (u.Id, false)
            : groupsByKey.TryGetValue(key, out var g) ? (g.Id, true)
            : throw new ScenarioException($"Scenario '{file.Name}': {context} refers to unknown user or group '{key}'.");

        foreach (var (spec, group) in file.Groups.Zip(groups))
            group.MemberIds.AddRange(spec.Members.Select(m => Resolve(m, $"group '{spec.DisplayName}'").Id));

        var customRoles = file.CustomRoles.Select(c => new CustomRole(
            c.Id ?? Ids.Derive(file.TenantId, "customRole", c.DisplayName), c.DisplayName, c.Description ?? "")).ToList();
        var grants = file.Roles.Select(r =>
        {
            var custom = customRoles.FirstOrDefault(c => c.Id.Equals(r.Role.Trim(), StringComparison.OrdinalIgnoreCase)
                || c.DisplayName.Equals(r.Role.Trim(), StringComparison.OrdinalIgnoreCase));
            var roleId = custom?.Id ?? RoleCatalog.Find(r.Role)?.TemplateId
                ?? throw new ScenarioException($"Scenario '{file.Name}': unknown role '{r.Role}'.");
            var scope = string.IsNullOrWhiteSpace(r.Scope) ? "/" : r.Scope.Trim();
            if (scope != "/" && !scope.StartsWith("/administrativeUnits/", StringComparison.Ordinal))
                throw new ScenarioException($"Scenario '{file.Name}': role scope must be \"/\" or \"/administrativeUnits/{{id}}\", not '{r.Scope}'.");
            var (principalId, isGroup) = Resolve(r.Principal, $"role '{r.Role}'");
            if (isGroup && !groupsByKey[principalId].IsAssignableToRole)
                throw new ScenarioException($"Scenario '{file.Name}': group '{r.Principal}' is not role-assignable (isAssignableToRole).");
            var kind = r.Assignment.ToLowerInvariant() switch
            {
                "active" => GrantKind.Active,
                "eligible" => GrantKind.Eligible,
                "activated" => GrantKind.Activated,
                _ => throw new ScenarioException($"Scenario '{file.Name}': assignment must be active, eligible or activated, not '{r.Assignment}'."),
            };
            return new RoleGrant(roleId, principalId, isGroup, kind, Epoch, scope, custom is not null);
        }).ToList();

        var signedIn = file.SignedInUser is { } key
            ? usersByKey.GetValueOrDefault(key) ?? throw new ScenarioException($"Scenario '{file.Name}': signedInUser '{key}' is not a user.")
            : users.FirstOrDefault(u => grants.Any(g => g.IsActive && g.IsTenantWideBuiltIn && g.PrincipalId == u.Id && g.RoleTemplateId == RoleCatalog.GlobalAdministrator))
              ?? users.FirstOrDefault();

        return new TenantState(
            file.TenantId, file.Name, file.Organization, subscriptions,
            new AuthorizationPolicyStore(file.AuthorizationPolicy, clock ?? TimeProvider.System),
            file.OnPremisesSynchronization, file.Sspr, users, groups, grants,
            file.ActivatedRoles.Select(r => RoleCatalog.Find(r)?.TemplateId ?? throw new ScenarioException($"Unknown role '{r}'.")).ToList(),
            file.ManagedIdentity, file.Applications, signedIn)
        {
            CustomRoles = customRoles,
            AuditLog = AuditLogBuilder.Build(file, users, (clock ?? TimeProvider.System).GetUtcNow()),
        };
    }

    private static UserRecord BuildUser(string tenantId, UserSpec u, int index)
    {
        if (string.IsNullOrWhiteSpace(u.UserPrincipalName))
            throw new ScenarioException($"User #{index + 1} has no userPrincipalName.");
        var id = u.Id ?? Ids.Derive(tenantId, "user", u.UserPrincipalName.ToLowerInvariant());
        return new UserRecord
        {
            Id = id,
            UserPrincipalName = u.UserPrincipalName,
            DisplayName = u.DisplayName ?? u.UserPrincipalName.Split('@')[0],
            GivenName = u.GivenName,
            Surname = u.Surname,
            JobTitle = u.JobTitle,
            Mail = u.Mail,
            MobilePhone = u.MobilePhone,
            OfficeLocation = u.OfficeLocation,
            PreferredLanguage = u.PreferredLanguage,
            AccountEnabled = u.AccountEnabled,
            UserType = u.UserType,
            OnPremisesSyncEnabled = u.OnPremisesSyncEnabled,
            OnPremisesImmutableId = u.OnPremisesImmutableId,
            OnPremisesSamAccountName = u.OnPremisesSamAccountName,
            CreatedDateTime = u.CreatedDateTime ?? Epoch,
            LicenseSkuParts = u.Licenses,
            Methods = u.Methods.Select((m, i) => AuthMethods.FromSpec(id, m, i)).ToList(),
            RegistrationOverrides = RegistrationOverrides.Validate(u.Registration, u.UserPrincipalName),
            ExternalUserState = u.ExternalUserState,
            CreationType = u.CreationType ?? (u.UserType == "Guest" ? "Invitation" : null),
        };
    }
}
