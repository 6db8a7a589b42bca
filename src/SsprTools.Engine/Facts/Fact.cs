using System;

namespace SsprTools.Engine.Facts;

/// <summary>A value read from Microsoft Graph (or stated by the administrator), or the reason it could not be read.
/// Either way it carries its <see cref="Evidence"/>.</summary>
public sealed class Fact<T>
{
    internal Fact(bool isReadable, T? value, string? unreadableReason, Evidence evidence)
    {
        IsReadable = isReadable;
        Value = value;
        UnreadableReason = unreadableReason;
        Evidence = evidence ?? throw new ArgumentNullException(nameof(evidence));
    }

    public bool IsReadable { get; }

    /// <summary>The value; default when <see cref="IsReadable"/> is false.</summary>
    public T? Value { get; }

    /// <summary>Why the value is missing, e.g. "403 Authorization_RequestDenied: missing AuditLog.Read.All".</summary>
    public string? UnreadableReason { get; }

    public Evidence Evidence { get; }

    public bool TryGetValue(out T value)
    {
        value = Value!;
        return IsReadable;
    }

    public override string ToString() =>
        IsReadable ? $"{Value}; {Evidence}" : $"unreadable ({UnreadableReason}); {Evidence}";
}

public static class Fact
{
    public static Fact<T> Read<T>(T value, Evidence evidence) => new(true, value, null, evidence);

    public static Fact<T> Unreadable<T>(string reason, Evidence evidence) =>
        new(false, default, reason ?? throw new ArgumentNullException(nameof(reason)), evidence);

    /// <summary>A fact the fact-gathering step did not try to read.</summary>
    public static Fact<T> NotCollected<T>() => Unreadable<T>("not collected", Evidence.NotCollected);
}
