namespace SsprTools.Engine.Completion;

/// <summary>One user offered when -UserId is completed: the UPN to insert and the name to show beside it.</summary>
public sealed record UserNameSuggestion(string UserPrincipalName, string? DisplayName);
