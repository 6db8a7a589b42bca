using System;

namespace SsprTools.Engine.Diagnosis;

/// <summary>How an input names a user.</summary>
public enum UserReferenceKind
{
    ObjectId,
    UserPrincipalName,

    /// <summary>The on-premises anchor: Get-ADUser's ObjectGUID, base64-encoded as Entra Connect stores it.</summary>
    OnPremisesImmutableId,
}

/// <summary>One user to diagnose, as the caller named them.</summary>
public sealed record UserReference(UserReferenceKind Kind, string Value)
{
    /// <summary>Longest UPN Entra ID accepts (113 characters; user resource docs). Longer input is refused before any Graph call.</summary>
    public const int MaxUserPrincipalNameLength = 113;

    /// <summary>Reads an object id (GUID) or a UPN. Returns null for input that can be neither.</summary>
    public static UserReference? TryParse(string? input)
    {
        var text = input?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (Guid.TryParseExact(text, "D", out var id))
        {
            return new UserReference(UserReferenceKind.ObjectId, id.ToString());
        }

        var at = text!.IndexOf('@');
        if (at > 0 && at < text.Length - 1 && text.Length <= MaxUserPrincipalNameLength && !ContainsControlOrSpace(text))
        {
            return new UserReference(UserReferenceKind.UserPrincipalName, text);
        }

        return null;
    }

    /// <summary>An Active Directory objectGUID as Entra Connect's default source anchor (onPremisesImmutableId).</summary>
    public static UserReference FromObjectGuid(Guid objectGuid) =>
        new(UserReferenceKind.OnPremisesImmutableId, Convert.ToBase64String(objectGuid.ToByteArray()));

    public override string ToString() => Value;

    private static bool ContainsControlOrSpace(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }
}
