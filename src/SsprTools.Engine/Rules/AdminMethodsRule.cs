using System.Collections.Generic;
using System.Linq;
using SsprTools.Engine.Catalogs;
using SsprTools.Engine.Findings;
using SsprTools.Model;

namespace SsprTools.Engine.Rules;

/// <summary>SSPR_0014 for administrators. concept-sspr-policy.md, "Administrator reset policy differences": the two-gate
/// policy "requires two pieces of authentication data, such as an email address, authenticator app, or a phone number,
/// and it prohibits security questions. Office and mobile voice calls are also prohibited for trial or free versions";
/// it "doesn't depend upon the Authentication methods policy", so every SSPR method counts whatever the tenant enabled.
/// Gates are distinct SSPR methods (<see cref="SsprGate"/>); Authenticator notification and code are one gate.
/// Sources: methodsRegistered, the user's authentication methods, and pre-populated profile contact data.</summary>
internal sealed class AdminMethodsRule : IResetRule
{
    public RuleVerdict Evaluate(ResetContext context)
    {
        var required = context.AdminGates;
        var usable = UsableGates.Collect(context);
        var officeAllowed = OfficePhoneAllowed(context);
        var certain = usable.Gates.Where(g => g != SsprGate.OfficePhone || officeAllowed == true).ToList();
        var officeUncertain = usable.Gates.Contains(SsprGate.OfficePhone) && officeAllowed is null;

        // Pieces that may or may not be a gate count only toward what is possible, so they decide nothing on their own.
        var possible = usable.MethodsKnown
            ? certain.Count + (officeUncertain ? 1 : 0) + (usable.MayHaveSeparateOathToken ? 1 : 0)
            : int.MaxValue;
        var notes = Notes(usable, officeAllowed);
        var evidence = FactText.Join(usable.Evidence, required.Evidence);
        var counted = $"usable: {Names(certain)}";

        if (certain.Count >= required.Maximum)
        {
            return RuleVerdict.Pass(
                $"{certain.Count} usable method(s) for {required.Maximum} gate(s)",
                FindingFactory.Information(
                    FindingCode.AdminMethodsCounted,
                    $"Administrator policy, {required.Explanation}; {counted}.{notes}",
                    evidence));
        }

        if (possible < required.Minimum)
        {
            return RuleVerdict.Fail(
                $"administrator policy needs {required.Minimum} method(s), {certain.Count} usable",
                FindingFactory.Error(
                    FindingCode.AdminTooFewMethods,
                    SsprErrorCode.UserNotProperlyConfigured,
                    $"The administrator reset policy ({required.Explanation}) needs {required.Minimum} method(s); {counted}.{notes}",
                    evidence,
                    Remediation.RegisterAdminMethods));
        }

        return RuleVerdict.Undetermined(
            "administrator methods undetermined",
            FindingFactory.Warning(
                FindingCode.AdminMethodsUndetermined,
                Undecided(required, usable, officeUncertain) + $" {counted}.{notes}",
                evidence,
                usable.MethodsKnown ? Remediation.RegisterAdminMethods : Remediation.GrantRegistrationReport));
    }

    /// <summary>Office phone is voice only; voice calls are prohibited for "trial or free versions of Microsoft Entra ID".
    /// A trial, or a tenant with no subscription at all, is such a version; one with Entra ID P1/P2 (or Business Premium)
    /// is not. A paid tenant without P1/P2 (Business Standard, Office 365 E3) runs Entra ID's free edition, and Microsoft
    /// does not say whether "free versions" means that edition or an unpaid tenant: undecided.</summary>
    private static bool? OfficePhoneAllowed(ResetContext context)
    {
        var free = context.Licensing.IsEntraIdFree;
        var trial = context.Trial.IsTrial;
        return trial == true ? false
            : free == true ? (context.Licensing.HasAnyActiveSku ? null : false)
            : free == false && trial == false ? true
            : null;
    }

    private static string Undecided(AdminGateRequirement required, UsableGates usable, bool officeUncertain)
    {
        if (!usable.MethodsKnown)
        {
            return "Neither the registration report nor the authentication methods could be read, so the administrator's methods are unknown.";
        }

        var open = new List<string>();
        if (!required.IsKnown)
        {
            open.Add($"The administrator policy needs {required.Minimum} or {required.Maximum} methods ({required.Explanation}).");
        }

        if (officeUncertain)
        {
            open.Add("Whether the office phone counts is unknown: voice calls are prohibited for administrators of \"trial or free versions of Microsoft Entra ID\", and the tenant's trial state or licences could not be read, or it is a paid tenant without Entra ID P1/P2, which Microsoft does not say is \"free\".");
        }

        if (usable.MayHaveSeparateOathToken)
        {
            open.Add("Microsoft Authenticator and a software one-time code are registered: the code may be the app's own (the same method: notification OR code) or a third-party OATH app (a second method), which Microsoft documents no way to tell apart.");
        }

        return open.Count == 0 ? "The administrator's methods could not be counted with certainty." : string.Join(" ", open);
    }

    private static string Notes(UsableGates usable, bool? officeAllowed)
    {
        var notes = new List<string>();
        if (usable.HasSecurityQuestions)
        {
            notes.Add("security questions never count for administrators");
        }

        if (officeAllowed == false && usable.Gates.Contains(SsprGate.OfficePhone))
        {
            notes.Add("the office phone does not count (voice calls are prohibited for trial or free tenants)");
        }

        if (usable.MayHaveSeparateOathToken)
        {
            notes.Add("the software one-time code beside Microsoft Authenticator is counted once (notification OR code); if it is a third-party OATH app it would be a second method");
        }

        return notes.Count == 0 ? "" : " Note: " + string.Join("; ", notes) + ".";
    }

    private static string Names(IReadOnlyCollection<SsprGate> gates) =>
        gates.Count == 0 ? "none" : string.Join(", ", gates.Select(SsprMethodCatalog.Describe));
}
