using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace SsprTools.Infrastructure;

/// <summary>
/// Tab completion for -UserId: user principal names from the connected tenant, matched on the start of
/// the UPN or the display name. Offers nothing when not connected, and waits at most <see cref="Wait"/>
/// for Graph so Tab never freezes the console; the engine caches answers per connection (UserNameCompleter).
/// </summary>
public sealed class UserIdCompleter : IArgumentCompleter
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(2);

    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var session = Engine.Connection.CurrentSession.Peek();
        if (session is null)
        {
            return Enumerable.Empty<CompletionResult>();
        }

        var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return session.UserNames.Complete(typed, Wait)
            .Select(user => new CompletionResult(
                Quoted(user.UserPrincipalName),
                user.UserPrincipalName,
                CompletionResultType.ParameterValue,
                string.IsNullOrEmpty(user.DisplayName) ? user.UserPrincipalName : $"{user.DisplayName} ({user.UserPrincipalName})"));
    }

    // UPNs may hold an apostrophe (o'neil@contoso.com) or '#' (guests' #EXT#): quote anything beyond a plain name.
    private static string Quoted(string upn) =>
        upn.All(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '@') ? upn : "'" + upn.Replace("'", "''") + "'";
}
