using SsprTools.Engine.Activity;
using SsprTools.Engine.Catalogs;
using SsprTools.Model;
using static SsprTools.Engine.Tests.Activity.AuditEvents;

namespace SsprTools.Engine.Tests.Activity;

public class ResetJourneyTests
{
    [Fact]
    public void SuccessfulJourneyEndsSucceededWithEveryStepOldestFirst()
    {
        var attempt = ResetJourney.Build(new[]
        {
            Reset("c1", 3),
            Step("c1", 2, "User successfully reset password"),
            Step("c1", 0, "User submitted their user ID"),
            Step("c1", 1, "User started the mobile SMS verification option"),
        })!;

        Assert.Equal(ResetAttemptOutcome.Succeeded, attempt.Outcome);
        Assert.Null(attempt.ErrorCode);
        Assert.Equal("Successfully completed reset.", attempt.Reason);
        Assert.Equal(Start, attempt.StartedAt);
        Assert.Equal(Start.AddMinutes(3), attempt.EndedAt);
        Assert.Equal(new[] { 0, 1, 2, 3 }, attempt.Steps.Select(s => (int)(s.Time - Start).TotalMinutes));
        Assert.Equal("u1", attempt.UserId);
        Assert.Equal("dave@contoso.com", attempt.UserPrincipalName);
        Assert.Equal("c1", attempt.CorrelationId);
    }

    [Theory]
    [InlineData("User's account has insufficient authentication methods defined. Add authentication info to resolve this", "SSPR_0014")]
    [InlineData("User's account has insufficient authentication methods defined. Add authentication info to resolve this ", "SSPR_0014")]
    [InlineData("user's password is managed on-premises. You can enable Password Writeback to resolve this", "SSPR_0010")]
    [InlineData("User does not have a license. You can add a license to the user to resolve this", "SSPR_0012")]
    [InlineData("This user is not a member of the password reset users group. Add this user to that group to resolve this.", "SSPR_0013")]
    [InlineData("Password reset has been disabled entirely for this tenant. See here to resolve this.", "SSPR_0009")]
    [InlineData("We could not reach your on-premises password reset service. Check your sync machine's event log", "SSPR_0030")]
    [InlineData("Password reset is not enabled for this user. Enable password reset under the configure tab to resolve this", null)]
    [InlineData("User tried to reset from a device without cookies enabled", null)]
    public void FailureReasonDecidesAndNamesTheCodeItsWordingMatches(string reason, string? code)
    {
        var attempt = ResetJourney.Build(new[] { Step("c1", 0, "User submitted their user ID"), Step("c1", 1, reason, "failure") })!;

        Assert.Equal(ResetAttemptOutcome.Failed, attempt.Outcome);
        Assert.Equal(code, attempt.ErrorCode);
        Assert.Equal(reason.Trim(), attempt.Reason);
    }

    [Fact]
    public void RefusedPasswordThenAcceptedOneIsASuccess()
    {
        var attempt = ResetJourney.Build(new[]
        {
            Reset("c1", 1, "failure", "FuzzyPolicyViolationInvalidPassword"),
            Reset("c1", 2),
        })!;

        Assert.Equal(ResetAttemptOutcome.Succeeded, attempt.Outcome);
    }

    [Fact]
    public void RefusedPasswordLastIsAFailureWithoutCode()
    {
        var attempt = ResetJourney.Build(new[] { Step("c1", 0, "User submitted their user ID"), Reset("c1", 1, "failure", "FuzzyPolicyViolationInvalidPassword") })!;

        Assert.Equal(ResetAttemptOutcome.Failed, attempt.Outcome);
        Assert.Null(attempt.ErrorCode);
        Assert.Equal("FuzzyPolicyViolationInvalidPassword", attempt.Reason);
    }

    [Fact]
    public void BlockEventAfterFailuresIsBlocked()
    {
        var attempt = ResetJourney.Build(new[]
        {
            Step("c1", 0, "User entered too many invalid SMS verification codes and is blocked for 24 hours", "failure"),
            Step("c1", 1, "", activity: AuditActivityCatalog.Blocked),
        })!;

        Assert.Equal(ResetAttemptOutcome.Blocked, attempt.Outcome);
        Assert.Null(attempt.ErrorCode);
    }

    [Theory]
    [InlineData("User cancelled before passing the required authentication methods")]
    [InlineData("User abandoned after starting the email verification option")]
    [InlineData("User contacted an admin after trying the email verification option")]
    public void CancelOrContactAdminIsAbandoned(string reason)
    {
        var attempt = ResetJourney.Build(new[] { Step("c1", 0, "User submitted their user ID"), Step("c1", 1, reason) })!;

        Assert.Equal(ResetAttemptOutcome.Abandoned, attempt.Outcome);
        Assert.Equal(reason, attempt.Reason);
    }

    [Fact]
    public void JourneyWithoutAnEndIsAbandonedAndSaysWhereItStopped()
    {
        var attempt = ResetJourney.Build(new[]
        {
            Step("c1", 0, "User submitted their user ID"),
            Step("c1", 1, "User was presented with verification options"),
        })!;

        Assert.Equal(ResetAttemptOutcome.Abandoned, attempt.Outcome);
        Assert.Contains("User was presented with verification options", attempt.Reason);
        Assert.Contains("2026-12-02 17:47:00Z", attempt.Reason);
    }

    [Fact]
    public void AdminResetAndOtherServicesAreNotJourneys()
    {
        Assert.Null(ResetJourney.Build(new[] { Step("c1", 0, "", activity: "Reset password (by admin)") }));
        Assert.Null(ResetJourney.Build(new[] { Step("c2", 0, "", activity: "User registered for self-service password reset") }));
        Assert.Null(ResetJourney.Build(new[] { Step("c3", 0, "User successfully reset password", service: "Core Directory") }));
    }

    [Fact]
    public void RegistrationInsideAJourneyIsAStep()
    {
        var attempt = ResetJourney.Build(new[]
        {
            Step("c1", 0, "User submitted their user ID"),
            Step("c1", 1, "", activity: "User registered for self-service password reset"),
            Reset("c1", 2),
        })!;

        Assert.Equal(3, attempt.Steps.Length);
        Assert.Equal(ResetAttemptOutcome.Succeeded, attempt.Outcome);
    }
}
