namespace SsprTools.GraphSimulator.Tenant;

/// <summary>A group of the simulated directory; members are user or group object ids.</summary>
internal sealed class GroupRecord
{
    public required string Id { get; init; }
    public required string DisplayName { get; init; }
    public string? Description { get; init; }
    public bool IsAssignableToRole { get; init; }
    public bool SecurityEnabled { get; init; } = true;
    public bool MailEnabled { get; init; }
    public string? MailNickname { get; init; }
    public DateTimeOffset CreatedDateTime { get; init; }
    /// <summary>Listing the members answers 403 Authorization_RequestDenied.</summary>
    public bool MembersUnreadable { get; init; }
    public List<string> MemberIds { get; } = new();
}
