using System.Collections.Generic;
using System.Linq;
using System;
using SsprTools.Engine.Catalogs;
using SsprTools.Engine.Facts;
using SsprTools.Engine.Findings;
using SsprTools.Model;

namespace SsprTools.Engine.Rules;

/// <summary>
/// Checks a failure (SSPR_0014) that rests on the registration report against the user's live authentication methods
/// (GET /users/{id}/authentication/methods), when the diagnosis read them. The report "is not updated in real-time and may
/// reflect a latency of up to 36 hours", and its lastUpdatedDateTime "is not related the user's authentication method
/// registration" (howto-authentication-methods-activity.md, "Limitations" and "User registration details"). So:
/// <list type="bullet">
/// <item>live methods the report's methodsRegistered lacks, where they could change the verdict: Unknown
/// (<see cref="FindingCode.RegistrationReportStale"/>): the two Graph sources disagree, and Microsoft does not say which
/// one the portal goes by at that moment;</item>
/// <item>live data that agrees: the failure stands, and its evidence says it was confirmed live;</item>
/// <item>live methods that could not be read (403 …): the failure stands, with a warning that it was not confirmed and
/// what to grant (<see cref="FindingCode.RegistrationReportUnconfirmed"/>).</item>
/// </list>
/// A separate step around the inner rule, so the rule's own counting stays its own.
/// </summary>
internal sealed class ReportConfirmedRule : IResetRule
{
    private readonly IResetRule _inner;
    private readonly bool _countsLiveMethods;

    /// <param name="inner">The rule whose failure rests on the report.</param>
    /// <param name="countsLiveMethods">The inner rule counts live methods itself (the administrator policy's gates), so its
    /// verdict with them is a recount. Otherwise (isSsprRegistered, whose method count the user policy sets and Graph cannot
    /// read) a method the report lacks leaves the verdict open.</param>
    public ReportConfirmedRule(IResetRule inner, bool countsLiveMethods)
    {
        _inner = inner;
        _countsLiveMethods = countsLiveMethods;
    }

    public RuleVerdict Evaluate(ResetContext context) => ShowRowAge(EvaluateAgainstLive(context), context.User);

    private RuleVerdict EvaluateAgainstLive(ResetContext context)
    {
        var user = context.User;
        var live = user.AuthenticationMethods;
        if (!user.Registration.TryGetValue(out var row))
        {
            // Nothing rests on the report; where it is unreadable the live methods already stand in (AdminMethodsRule).
            return _inner.Evaluate(context);
        }

        var reportOnly = live.IsReadable
            ? _inner.Evaluate(new ResetContext(context.Tenant, user with { AuthenticationMethods = Fact.NotCollected<IReadOnlyList<RegisteredAuthenticationMethod>>() }))
            : _inner.Evaluate(context);
        if (reportOnly.Kind != VerdictKind.Fail)
        {
            return live.IsReadable ? _inner.Evaluate(context) : reportOnly;
        }

        if (!live.TryGetValue(out var methods))
        {
            return ReferenceEquals(live.Evidence, Evidence.NotCollected) ? reportOnly : Unconfirmed(reportOnly, user);
        }

        var newer = NotInReport(methods, row).ToList();
        var withLive = _countsLiveMethods ? _inner.Evaluate(context) : reportOnly;
        if (withLive.Kind == VerdictKind.Fail && (_countsLiveMethods || newer.Count == 0))
        {
            return Confirmed(withLive, user, newer);
        }

        return newer.Count > 0
            ? Stale(user, row, newer, withLive)
            : withLive; // nothing new, but the live types count more precisely (a software OATH token is its own gate)
    }

    /// <summary>Every finding that rests on the report row shows when the row was last updated.</summary>
    private static RuleVerdict ShowRowAge(RuleVerdict verdict, UserFacts user)
    {
        if (!user.Registration.TryGetValue(out var row) || verdict.Findings.All(f => f.Evidence.Contains("lastUpdatedDateTime")))
        {
            return verdict;
        }

        var age = FactText.Describe("userRegistrationDetails.lastUpdatedDateTime", user.Registration, r => RegistrationReport.LastUpdated(r, user.Registration.Evidence.ReadAt));
        Func<Finding, Finding> withAge = f => f.Evidence.Contains("lastUpdatedDateTime") ? f : Copy(f, f.Message, FactText.Join(f.Evidence, age));
        return verdict.Kind switch
        {
            VerdictKind.Fail => Rewrite(verdict, withAge),
            VerdictKind.Pass => RuleVerdict.Pass(verdict.Summary, verdict.Findings.Select(withAge).ToArray()),
            VerdictKind.Undetermined => RuleVerdict.Undetermined(verdict.Summary, verdict.Findings.Select(withAge).ToArray()),
            _ => verdict,
        };
    }

    /// <summary>Live SSPR methods none of whose methodsRegistered names the row has.</summary>
    private static IEnumerable<RegisteredAuthenticationMethod> NotInReport(IEnumerable<RegisteredAuthenticationMethod> live, RegistrationDetails row) =>
        live.Where(m => SsprMethodCatalog.FromAuthenticationMethod(m) is not null)
            .Where(m => !ReportNames(m).Any(name => row.MethodsRegistered.Any(r => string.Equals(r, name, StringComparison.OrdinalIgnoreCase))));

    /// <summary>The methodsRegistered values (userregistrationdetails.md) a live method shows up as. Authenticator is
    /// known to the report only by its own names: softwareOneTimePasscode may be a third-party OATH app.</summary>
    private static IEnumerable<string> ReportNames(RegisteredAuthenticationMethod method) =>
        SsprMethodCatalog.FromAuthenticationMethod(method) switch
        {
            SsprGate.Email => ["email"],
            SsprGate.MobilePhone => LicenceCatalog.Same(method.PhoneType, "alternateMobile") ? ["alternateMobilePhone"] : ["mobilePhone"],
            SsprGate.OfficePhone => ["officePhone"],
            SsprGate.MobileApp => ["microsoftAuthenticatorPush", "microsoftAuthenticatorPasswordless", "appNotification", "appCode"],
            SsprGate.SoftwareOathToken => ["softwareOneTimePasscode"],
            SsprGate.HardwareOathToken => ["hardwareOneTimePasscode"],
            _ => [],
        };

    private static RuleVerdict Confirmed(RuleVerdict failure, UserFacts user, IReadOnlyCollection<RegisteredAuthenticationMethod> newer)
    {
        var live = Describe(user.AuthenticationMethods);
        string Marked(string evidence) => evidence.Contains(live)
            ? evidence.Replace(live, "confirmed live: " + live) // the rule already shows the live methods: mark them, once
            : FactText.Join(evidence, "confirmed live: " + live);
        var extra = newer.Count == 0
            ? " The live authentication methods confirm it."
            : $" The live authentication methods confirm it, counting {Names(newer, user)}, which the report does not list yet.";
        return Rewrite(failure, f => f.Severity == FindingSeverity.Error
            ? Copy(f, f.Message + extra, Marked(f.Evidence))
            : f);
    }

    private static RuleVerdict Stale(UserFacts user, RegistrationDetails row, IReadOnlyCollection<RegisteredAuthenticationMethod> newer, RuleVerdict withLive)
    {
        var updated = RegistrationReport.LastUpdated(row, user.Registration.Evidence.ReadAt);
        var consequence = withLive.Kind == VerdictKind.Pass
            ? $" Counting them: {withLive.Summary}."
            : withLive.Kind == VerdictKind.Undetermined
                ? $" Counting them, it is still open: {withLive.Summary}."
                : " Whether the user policy counts them, and how many it requires, Graph cannot show.";
        // createdDateTime, where the type has one, tells whether the method is newer than the row; lastUpdatedDateTime
        // itself "is not related the user's authentication method registration" (howto-authentication-methods-activity.md).
        var after = row.LastUpdatedDateTime is { } rowTime && newer.All(m => m.CreatedDateTime > rowTime)
            ? $"registered after the report's last update (lastUpdatedDateTime {updated})"
            : $"not yet in the report, whose row was last updated {updated} and may lag up to 36 hours behind a registration";
        return RuleVerdict.Undetermined(
            "the registration report has not caught up with the live methods",
            FindingFactory.Warning(
                FindingCode.RegistrationReportStale,
                $"The live authentication methods show {Names(newer, user)}, which the registration report's methodsRegistered {FactText.List(row.MethodsRegistered)} lacks: {after}; the report has not caught up, so its SSPR_0014 is not certain.{consequence}",
                FactText.Join(RegistrationReport.Evidence(user), Describe(user.AuthenticationMethods)),
                Remediation.RecheckRegistrationReport));
    }

    private static RuleVerdict Unconfirmed(RuleVerdict failure, UserFacts user)
    {
        var live = user.AuthenticationMethods;
        var denied = live.UnreadableReason is { } reason && (reason.StartsWith("403", StringComparison.Ordinal) || reason.StartsWith("401", StringComparison.Ordinal));
        var warning = FindingFactory.Warning(
            FindingCode.RegistrationReportUnconfirmed,
            $"This SSPR_0014 rests on the registration report alone (lastUpdatedDateTime {(user.Registration.Value is { } row ? RegistrationReport.LastUpdated(row, user.Registration.Evidence.ReadAt) : "null")}), which may lag up to 36 hours behind a new registration; the user's live authentication methods were not read to confirm it (see the evidence for why).",
            FactText.Join(RegistrationReport.Evidence(user), FactText.Unreadable("authentication methods", live)),
            denied
                ? Remediation.GrantAuthenticationMethodRead
                : $"Run again for this user alone (Test-SsprAdminReset -UserId {user.UserPrincipalName}) to confirm it against the live authentication methods");
        return Rewrite(failure, f => f, warning);
    }

    private static string Names(IEnumerable<RegisteredAuthenticationMethod> methods, UserFacts user) =>
        string.Join(", ", methods.Select(m =>
        {
            var name = SsprMethodCatalog.Describe(SsprMethodCatalog.FromAuthenticationMethod(m)!.Value);
            return m.CreatedDateTime is { } created
                ? $"{name} (createdDateTime {RegistrationReport.At(created, user.AuthenticationMethods.Evidence.ReadAt)})"
                : name;
        }));

    private static string Describe(Fact<IReadOnlyList<RegisteredAuthenticationMethod>> live) =>
        FactText.Describe("authentication methods", live, m => FactText.List(m.Select(x => x.PhoneType is null ? x.ODataType : $"{x.ODataType} ({x.PhoneType})")));

    private static RuleVerdict Rewrite(RuleVerdict failure, Func<Finding, Finding> map, params Finding[] more)
    {
        var findings = failure.Findings.Select(map).ToList();
        var error = findings.First(f => f.Severity == FindingSeverity.Error && f.ErrorCode == failure.ErrorCode);
        return RuleVerdict.Fail(failure.Summary, error, findings.Where(f => !ReferenceEquals(f, error)).Concat(more).ToArray());
    }

    private static Finding Copy(Finding finding, string message, string evidence) => new()
    {
        Code = finding.Code,
        Severity = finding.Severity,
        Message = message,
        Evidence = evidence,
        Remediation = finding.Remediation,
        ErrorCode = finding.ErrorCode,
    };
}
