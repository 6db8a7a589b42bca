using System.Collections.Generic;
using System.Collections;
using System.Linq;
using System.Management.Automation.Language;
using System.Management.Automation;
using System;
using SsprTools.Engine.Completion;
using SsprTools.Engine.Connection;

namespace SsprTools.Completion;

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
        // Leased while Graph is asked, so a reconnect in another runspace cannot close it under this Tab. A lookup still
        // running after the wait belongs to this session's cache; if the session closes first, it simply fails.
        using var lease = Engine.Connection.CurrentSession.TryAcquire();
        if (lease is null)
        {
            return Enumerable.Empty<CompletionResult>();
        }

        var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return SessionUserNames.For(lease.Value).Complete(typed, Wait)
            .Select(user => new CompletionResult(
                Quoted(user.UserPrincipalName),
                user.UserPrincipalName,
                CompletionResultType.ParameterValue,
                string.IsNullOrEmpty(user.DisplayName) ? user.UserPrincipalName : $"{user.DisplayName} ({user.UserPrincipalName})"))
            .ToList();
    }

    // UPNs may hold an apostrophe (o'neil@contoso.com) or '#' (guests' #EXT#): quote anything beyond a plain name.
    private static string Quoted(string upn) =>
        upn.All(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '@') ? upn : "'" + upn.Replace("'", "''") + "'";
}
