using SsprTools.Engine.Catalogs;
using SsprTools.Engine.Facts;
using SsprTools.Engine.Findings;
using SsprTools.Engine.Rules;
using SsprTools.Model;
using static SsprTools.Engine.Tests.Rules.Scenario;

namespace SsprTools.Engine.Tests.Rules;

/// <summary>Invariants over seeded random fact combinations.</summary>
public class PredictionInvariantTests
{
    private const int Seed = 20261125;
    private const int Count = 600;

    private static readonly string[] Outcomes = [PredictionOutcome.Succeeds, PredictionOutcome.Fails, PredictionOutcome.Unknown];

    /// <summary>Findings that say why something could not be decided.</summary>
    private static readonly string[] UndecidedCodes =
    [
        FindingCode.GuestResetsInHomeTenant, FindingCode.UserTypeUnreadable, FindingCode.AccountDisabled, FindingCode.AccountStateUnreadable,
        FindingCode.AdminSsprSwitchUnreadable, FindingCode.AdminMethodsUndetermined, FindingCode.UserSsprPolicyUnknown,
        FindingCode.UserSsprEnablementContradiction, FindingCode.UserRegistrationUndetermined, FindingCode.RegistrationDetailsUnreadable,
        FindingCode.TenantLicenceUndetermined, FindingCode.WritebackUnknown, FindingCode.SyncStateUnreadable,
        FindingCode.AdminRolesUnreadable, FindingCode.AdminRoleMappingInferred, FindingCode.AdminRoleListIncomplete,
        FindingCode.CustomRoleNotAddressed, FindingCode.BuiltInRoleNewerThanPolicyList, FindingCode.AdminRoleScopedToAdministrativeUnit,
        FindingCode.RegistrationReportAdminMismatch, FindingCode.ExternalMemberResetsInHomeTenant,
        FindingCode.RegistrationDetailsIncomplete, FindingCode.RegistrationReportStale,
        FindingCode.SyncedAdminProtectedGroup,
    ];

    public static IEnumerable<(TenantFacts Tenant, UserFacts User, ResetPrediction Prediction)> Samples(bool allReadable)
    {
        var facts = new RandomFacts(Seed, allReadable);
        for (var i = 0; i < Count; i++)
        {
            var tenant = facts.Tenant();
            var user = facts.User(tenant);
            yield return (tenant, user, Predict(tenant, user));
        }
    }

    [Fact]
    public void Outcome_is_one_of_the_three_words()
    {
        Assert.All(Samples(false), s => Assert.Contains(s.Prediction.Outcome, Outcomes));
    }

    [Fact]
    public void Every_fail_has_one_predicted_error_and_an_error_finding_with_its_remediation()
    {
        Assert.All(Samples(false).Where(s => s.Prediction.Outcome == PredictionOutcome.Fails), s =>
        {
            Assert.NotNull(s.Prediction.PredictedError);
            var errors = s.Prediction.Findings.Where(f => f.Severity == FindingSeverity.Error && f.ErrorCode == s.Prediction.PredictedError).ToList();
            Assert.NotEmpty(errors);
            Assert.All(errors, e => Assert.False(string.IsNullOrEmpty(e.Remediation)));
        });
    }

    [Fact]
    public void Predicted_error_is_the_earliest_error_in_portal_order()
    {
        Assert.All(Samples(false).Where(s => s.Prediction.Outcome == PredictionOutcome.Fails), s =>
        {
            var earliest = s.Prediction.Findings.Where(f => f.Severity == FindingSeverity.Error).Min(f => SsprErrorCode.CheckOrder(f.ErrorCode!));
            Assert.Equal(earliest, SsprErrorCode.CheckOrder(s.Prediction.PredictedError!));
        });
    }

    [Fact]
    public void Only_fails_carry_a_predicted_error_or_error_findings()
    {
        Assert.All(Samples(false).Where(s => s.Prediction.Outcome != PredictionOutcome.Fails), s =>
        {
            Assert.Null(s.Prediction.PredictedError);
            Assert.DoesNotContain(s.Prediction.Findings, f => f.Severity == FindingSeverity.Error);
        });
    }

    [Fact]
    public void Admin_with_switch_readably_off_always_fails_with_SSPR_0009()
    {
        var admins = Samples(false).Where(s =>
            s.Prediction.IsAdmin == true
            && s.Tenant.AllowedToUseSspr.TryGetValue(out var on) && !on
            && !(s.User.UserType.TryGetValue(out var type) && type == UserType.Guest)).ToList();

        Assert.NotEmpty(admins);
        Assert.All(admins, s => Assert.Equal((PredictionOutcome.Fails, "SSPR_0009"), (s.Prediction.Outcome, s.Prediction.PredictedError)));
    }

    [Fact]
    public void Unknown_always_names_what_could_not_be_decided()
    {
        Assert.All(Samples(false).Where(s => s.Prediction.Outcome == PredictionOutcome.Unknown), s =>
            Assert.Contains(s.Prediction.Findings, f => UndecidedCodes.Contains(f.Code)));
    }

    [Fact]
    public void With_every_deciding_fact_readable_the_outcome_is_never_unknown()
    {
        var samples = Samples(true).ToList();

        Assert.All(samples, s => Assert.NotEqual(PredictionOutcome.Unknown, s.Prediction.Outcome));
        Assert.Contains(samples, s => s.Prediction.Outcome == PredictionOutcome.Succeeds);
        Assert.Contains(samples, s => s.Prediction.Outcome == PredictionOutcome.Fails);
    }

    [Fact]
    public void Every_finding_is_complete_and_appears_once()
    {
        Assert.All(Samples(false), s =>
        {
            Assert.Equal(s.Prediction.Findings.Length, s.Prediction.Findings.Select(f => f.Code).Distinct().Count());
            Assert.All(s.Prediction.Findings, f =>
            {
                Assert.Contains(f.Severity, new[] { FindingSeverity.Error, FindingSeverity.Warning, FindingSeverity.Information });
                Assert.False(string.IsNullOrWhiteSpace(f.Code));
                Assert.False(string.IsNullOrWhiteSpace(f.Message));
                Assert.False(string.IsNullOrWhiteSpace(f.Evidence));
            });
        });
    }

    [Fact]
    public void Prediction_is_deterministic()
    {
        static string Render(ResetPrediction p) =>
            string.Join("\n", new[] { p.Outcome, p.PredictedError ?? "", p.Reason }
                .Concat(p.Findings.Select(f => $"{f.Code}|{f.Severity}|{f.Message}|{f.Evidence}|{f.Remediation}")));

        Assert.All(Samples(false), s => Assert.Equal(Render(s.Prediction), Render(Predict(s.Tenant, s.User))));
    }

    [Fact]
    public void Reason_is_one_non_empty_line()
    {
        Assert.All(Samples(false), s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Prediction.Reason));
            Assert.DoesNotContain('\n', s.Prediction.Reason);
        });
    }
}
