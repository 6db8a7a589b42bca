using System.Linq;
using SsprTools.Engine.Catalogs;
using SsprTools.Engine.Findings;

namespace SsprTools.Engine.Rules;

/// <summary>SSPR_0014 for non-administrators: isSsprRegistered ("registered the required number of authentication
/// methods", Graph userRegistrationDetails). The user policy's method count and enabled methods are not readable from
/// Graph, so the report's flag decides. A user who has not registered but has a pre-populated mobile phone or alternate
/// email may still reset ("users can immediately use those values", howto-sspr-authenticationdata.md), which the report
/// may not reflect: Unknown then.</summary>
internal sealed class UserRegistrationRule : IResetRule
{
    public RuleVerdict Evaluate(ResetContext context)
    {
        var user = context.User;
        if (!user.Registration.TryGetValue(out var registration))
        {
            return RuleVerdict.Undetermined("registration unreadable", RegistrationReport.Unreadable(user));
        }

        if (registration.IsSsprRegistered is null)
        {
            return RuleVerdict.Undetermined("isSsprRegistered missing from the report", RegistrationReport.Incomplete(user, registration));
        }

        if (registration.IsSsprRegistered == true)
        {
            return RuleVerdict.Pass("registered for SSPR");
        }

        var profile = user.ProfileContact;
        var evidence = FactText.Join(
            RegistrationReport.Evidence(user),
            FactText.Describe("profile contact", profile, c => FactText.List(SsprMethodCatalog.FromProfile(c).Select(SsprMethodCatalog.Describe))));
        if (!profile.TryGetValue(out var contact) || SsprMethodCatalog.FromProfile(contact).Any())
        {
            return RuleVerdict.Undetermined(
                "not registered; pre-populated contact data may suffice",
                FindingFactory.Warning(
                    FindingCode.UserRegistrationUndetermined,
                    profile.IsReadable
                        ? "The user has not registered enough methods (isSsprRegistered = false), but the user object has contact data SSPR can use without registration when those methods are enabled in the user policy."
                        : "The user has not registered enough methods (isSsprRegistered = false); whether pre-populated contact data (mobile phone, alternate email) could stand in is unknown.",
                    evidence,
                    Remediation.RegisterMethods));
        }

        return RuleVerdict.Fail(
            "not registered for SSPR",
            FindingFactory.Error(
                FindingCode.UserNotRegistered,
                SsprErrorCode.UserNotProperlyConfigured,
                "The user has not registered the number of methods the user policy requires (isSsprRegistered = false) and has no pre-populated contact data.",
                evidence,
                Remediation.RegisterMethods));
    }
}
