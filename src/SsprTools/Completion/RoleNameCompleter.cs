using System.Collections.Generic;
using System.Collections;
using System.Linq;
using System.Management.Automation.Language;
using System.Management.Automation;
using System;
using SsprTools.Engine.Catalogs;
using SsprTools.Engine.Rules;

namespace SsprTools.Completion;

/// <summary>
/// Tab completion for -RoleName: the roles on Microsoft's administrator reset policy list, by the
/// name Entra shows today. From the engine's catalogue, so it needs no Graph call and no connection.
/// </summary>
public sealed class RoleNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return AdminRoleCatalog.Roles
            .Select(role => role.CurrentName ?? role.ListedName)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(name => name.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .OrderBy(name => name, StringComparer.OrdinalIgnoreCase)
            .Select(name => new CompletionResult($"'{name}'", name, CompletionResultType.ParameterValue, name));
    }
}
