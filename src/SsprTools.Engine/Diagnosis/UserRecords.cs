using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Graph.Models;
using SsprTools.Engine.Facts;

namespace SsprTools.Engine.Diagnosis;

/// <summary>Turns Graph SDK user data into the plain facts the rules read.</summary>
internal static class UserRecords
{
    /// <summary>The user properties a prediction needs; most are outside Graph's default set and must be selected (user-list.md).</summary>
    public static readonly string[] Select =
    {
        "id", "userPrincipalName", "displayName", "accountEnabled", "userType", "onPremisesSyncEnabled",
        "onPremisesImmutableId", "assignedPlans", "mobilePhone", "otherMails", "businessPhones",
        "externalUserState", "creationType",
    };

    public static DirectoryUser FromGraph(User user) => new(
        user.Id ?? string.Empty,
        user.UserPrincipalName ?? string.Empty,
        user.DisplayName ?? string.Empty,
        user.AccountEnabled,
        user.UserType,
        user.OnPremisesSyncEnabled,
        user.OnPremisesImmutableId,
        (user.AssignedPlans ?? new List<Microsoft.Graph.Models.AssignedPlan>())
            .Select(p => new Facts.AssignedPlan(p.ServicePlanId?.ToString() ?? string.Empty, p.CapabilityStatus ?? string.Empty, p.Service))
            .ToList(),
        new ProfileContactInfo(
            !string.IsNullOrWhiteSpace(user.MobilePhone),
            user.OtherMails?.Any(m => !string.IsNullOrWhiteSpace(m)) == true,
            user.BusinessPhones?.Any(p => !string.IsNullOrWhiteSpace(p)) == true),
        user.ExternalUserState,
        user.CreationType);

    public static UserFacts ToFacts(DirectoryUser user, Evidence evidence) => new()
    {
        Id = user.Id,
        UserPrincipalName = user.UserPrincipalName,
        DisplayName = user.DisplayName,
        AccountEnabled = user.AccountEnabled is bool enabled
            ? Fact.Read(enabled, evidence)
            : Fact.Unreadable<bool>("accountEnabled was not returned (needs User.Read.All, not User.ReadBasic.All)", evidence),
        UserType = Fact.Read(string.Equals(user.UserType, "Guest", StringComparison.OrdinalIgnoreCase) ? Facts.UserType.Guest : Facts.UserType.Member, evidence),
        OnPremisesSyncEnabled = Fact.Read(user.OnPremisesSyncEnabled, evidence),
        OnPremisesImmutableId = Fact.Read<string?>(user.OnPremisesImmutableId, evidence),
        AssignedPlans = Fact.Read(user.AssignedPlans, evidence),
        ProfileContact = Fact.Read(user.Contact, evidence),
        ExternalUser = Fact.Read(new ExternalUserSignals(user.ExternalUserState, user.CreationType), evidence),
    };

    public static RegistrationDetails ToRegistration(UserRegistrationDetails details) => new()
    {
        MethodsRegistered = details.MethodsRegistered ?? new List<string>(),
        // A flag the row leaves out stays null: unreadable, never false (the rules say which one is missing).
        IsSsprEnabled = details.IsSsprEnabled,
        IsSsprRegistered = details.IsSsprRegistered,
        IsSsprCapable = details.IsSsprCapable,
        IsAdmin = details.IsAdmin,
        LastUpdatedDateTime = details.LastUpdatedDateTime,
    };

    public static IReadOnlyList<RegisteredAuthenticationMethod> ToMethods(IEnumerable<AuthenticationMethod> methods) =>
        methods.Select(m => new RegisteredAuthenticationMethod(m.OdataType ?? string.Empty, (m as PhoneAuthenticationMethod)?.PhoneType?.ToString() switch
        {
            null => null,
            var type => char.ToLowerInvariant(type[0]) + type.Substring(1),
        }, m.CreatedDateTime)).ToList();
}
