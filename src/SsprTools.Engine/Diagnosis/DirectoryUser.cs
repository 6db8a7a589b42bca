using System.Collections.Generic;
using SsprTools.Engine.Facts;

namespace SsprTools.Engine.Diagnosis;

/// <summary>
/// The part of a Graph user a prediction needs, kept per run instead of the SDK's User object
/// (which carries a backing store per instance): a 10,000-user pipeline keeps every one of them.
/// </summary>
internal sealed record DirectoryUser(
    string Id,
    string UserPrincipalName,
    string DisplayName,
    bool? AccountEnabled,
    string? UserType,
    bool? OnPremisesSyncEnabled,
    string? OnPremisesImmutableId,
    IReadOnlyList<AssignedPlan> AssignedPlans,
    ProfileContactInfo Contact,
    string? ExternalUserState = null,
    string? CreationType = null);
