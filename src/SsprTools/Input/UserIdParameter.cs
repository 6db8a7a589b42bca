using System;

namespace SsprTools.Input;

/// <summary>
/// What -UserId accepts: a string (object id or UPN) or a Guid (Get-MsolUser's ObjectId). A type of
/// its own, not string, so PowerShell binds Get-MsolUser's Guid-typed ObjectId by property name
/// instead of first turning the whole piped object into a string.
/// </summary>
public sealed class UserIdParameter
{
    public UserIdParameter(string? value) => Text = value;

    public UserIdParameter(Guid value) => Text = value.ToString();

    /// <summary>The id or UPN as given.</summary>
    public string? Text { get; }

    public override string ToString() => Text ?? string.Empty;
}
