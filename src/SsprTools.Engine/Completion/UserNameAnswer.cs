using System.Collections.Generic;

namespace SsprTools.Engine.Completion;

/// <summary>Graph's answer for one prefix: the users it returned and whether they are all the users with that prefix.</summary>
internal sealed record UserNameAnswer(IReadOnlyList<UserNameSuggestion> Users, bool IsComplete);
