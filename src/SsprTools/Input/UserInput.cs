using System.Collections;
using System.Management.Automation;
using System;
using SsprTools.Commands;
using SsprTools.Hosting;

namespace SsprTools.Input;

/// <summary>
/// What a piped item to Test-SsprAdminReset can be before it is parsed as an id: the checks that need the raw
/// object (the hidden -InputObject), so an error names the object the user piped, not "(empty)" or one property value.
/// </summary>
internal static class UserInput
{
    /// <summary>The error for a piped item that names no user, or names several; null when the item is usable.</summary>
    public static ErrorRecord? Check(PSObject? input, UserIdParameter?[]? userId, Guid onPremisesObjectGuid, bool piped)
    {
        if (!piped || onPremisesObjectGuid != Guid.Empty)
        {
            return null;
        }

        var raw = input?.BaseObject;
        var count = userId?.Length ?? 0;
        if (raw is null)
        {
            return Missing("$null was piped; it names no user.", null);
        }

        if (raw is IDictionary)
        {
            // PowerShell binds piped objects by property name, and a hashtable's keys are not properties.
            return Missing("A hashtable was piped; PowerShell does not bind its keys to -UserId. Pipe [pscustomobject]@{ UserPrincipalName = '...' } or give -UserId.", raw);
        }

        if (raw is string || raw is IEnumerable)
        {
            return null;
        }

        var target = TargetOf(input);
        if (count == 0)
        {
            return Missing($"The piped {TypeName(input!)} has no Id, ObjectId, ExternalDirectoryObjectId or UserPrincipalName value naming a user.", target);
        }

        if (count > 1)
        {
            // One piped object is one user; an id property holding several values is ambiguous, so none is guessed.
            return ErrorRecordFactory.InvalidArgument("UserIdInvalid",
                $"The piped {TypeName(input!)}'s id property holds {count} values; one object names one user.", target);
        }

        return null;
    }

    /// <summary>The error target for a piped object: the object itself; null for a string or a list (their text is the target).</summary>
    public static object? TargetOf(PSObject? input) => input?.BaseObject switch
    {
        null or string or IEnumerable => null,
        PSCustomObject => input,
        var raw => raw,
    };

    private static ErrorRecord Missing(string message, object? target) =>
        ErrorRecordFactory.InvalidArgument("UserIdMissing", message, target);

    private static string TypeName(PSObject input) =>
        input.TypeNames.Count > 0 ? input.TypeNames[0] : input.BaseObject.GetType().FullName ?? "object";
}
