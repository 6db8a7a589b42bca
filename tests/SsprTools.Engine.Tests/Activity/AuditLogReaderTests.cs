using Microsoft.Graph.Models;
using SsprTools.Engine.Activity;

namespace SsprTools.Engine.Tests.Activity;

public class AuditLogReaderTests
{
    [Fact]
    public void FilterUsesTheDocumentedServiceNameAndAnUnquotedUtcDateTime()
    {
        var since = new DateTimeOffset(2026, 11, 8, 1, 30, 0, TimeSpan.FromHours(1));

        Assert.Equal(
            "loggedByService eq 'Self-service Password Management' and activityDateTime ge 2026-11-08T00:30:00Z",
            AuditLogReader.Filter(since, null));
    }

    [Fact]
    public void OneUsersFilterSelectsTheTargetAndEscapesQuotes()
    {
        var filter = AuditLogReader.Filter(DateTimeOffset.UnixEpoch, "o'neil");

        Assert.EndsWith(" and targetResources/any(t: t/id eq 'o''neil')", filter);
    }

    [Theory]
    [InlineData("Specified argument was out of the range of valid values. (Parameter 'Minimum allowed time for activityDateTime is 2/5/2023 12:00:00 AM')", "2023-02-05T00:00:00Z")]
    [InlineData("Invalid filter clause", null)]
    public void RetentionLimitIsReadFromTheObservedMessage(string message, string? expected)
    {
        var limit = AuditLogReader.RetentionLimit(message);

        Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected), limit);
    }

    [Fact]
    public void EventTakesTheUserTargetAndTheLowerCaseResult()
    {
        var audit = new DirectoryAudit
        {
            Id = "SSPR_1",
            ActivityDateTime = new DateTimeOffset(2026, 12, 2, 17, 46, 9, TimeSpan.Zero),
            ActivityDisplayName = "Self-service password reset flow activity progress",
            CorrelationId = "9fe65051-8a62-5b77-9c6d-c9a79157ff9d",
            LoggedByService = "Self-service Password Management",
            Result = OperationResult.Failure,
            ResultReason = "User's account has insufficient authentication methods defined. Add authentication info to resolve this",
            InitiatedBy = new AuditActivityInitiator { User = new UserIdentity { Id = "u1", UserPrincipalName = "dave@contoso.com" } },
            TargetResources = new List<TargetResource>
            {
                new() { Id = "app", Type = "ServicePrincipal" },
                new() { Id = "u1", Type = "User", UserPrincipalName = "dave@contoso.com" },
            },
        };

        var e = AuditLogReader.ToEvent(audit)!;

        Assert.Equal("u1", e.TargetUserId);
        Assert.Equal("dave@contoso.com", e.TargetUserPrincipalName);
        Assert.Equal("failure", e.Result);
        Assert.Null(AuditLogReader.ToEvent(new DirectoryAudit { CorrelationId = "c" }));
    }
}
