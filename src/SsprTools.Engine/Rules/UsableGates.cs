using System.Collections.Generic;
using System.Linq;
using SsprTools.Engine.Catalogs;
using SsprTools.Engine.Findings;

namespace SsprTools.Engine.Rules;

/// <summary>The SSPR gates an administrator has, from every readable source, security questions set apart.</summary>
internal sealed class UsableGates
{
    private UsableGates(IReadOnlyCollection<SsprGate> gates, bool methodsKnown, bool hasSecurityQuestions, bool mayHaveSeparateOathToken, string evidence)
    {
        Gates = gates;
        MethodsKnown = methodsKnown;
        HasSecurityQuestions = hasSecurityQuestions;
        MayHaveSeparateOathToken = mayHaveSeparateOathToken;
        Evidence = evidence;
    }

    /// <summary>Distinct gates in enum order, without security questions; only the certain ones.</summary>
    public IReadOnlyCollection<SsprGate> Gates { get; }

    /// <summary>Registration report or authentication methods were readable.</summary>
    public bool MethodsKnown { get; }

    public bool HasSecurityQuestions { get; }

    /// <summary>Microsoft Authenticator plus a software one-time code: the code may be the app's own (one gate, "notification
    /// OR verification code", concept-sspr-howitworks.md) or a third-party OATH app (a second gate). Microsoft documents
    /// no way to tell: methodsRegistered names both microsoftAuthenticatorPush and softwareOneTimePasscode, or
    /// /authentication/methods lists a microsoftAuthenticatorAuthenticationMethod and a softwareOathAuthenticationMethod
    /// (whether the app's own code appears as the latter is undocumented). Not counted in <see cref="Gates"/>.</summary>
    public bool MayHaveSeparateOathToken { get; }

    public string Evidence { get; }

    public static UsableGates Collect(ResetContext context)
    {
        var user = context.User;
        var gates = new SortedSet<SsprGate>();
        var separateOath = false;
        var known = false;
        if (user.Registration.TryGetValue(out var registration))
        {
            known = true;
            gates.UnionWith(registration.MethodsRegistered.Select(SsprMethodCatalog.FromMethodRegistered).OfType<SsprGate>());
            separateOath = registration.MethodsRegistered.Any(m => LicenceCatalog.Same(m, "microsoftAuthenticatorPush"))
                && registration.MethodsRegistered.Any(m => LicenceCatalog.Same(m, "softwareOneTimePasscode"));
        }

        if (user.AuthenticationMethods.TryGetValue(out var methods))
        {
            known = true;
            var live = methods.Select(SsprMethodCatalog.FromAuthenticationMethod).OfType<SsprGate>().ToList();
            gates.UnionWith(live);

            // The methods list, where readable, says whether there is a software OATH method at all; beside the
            // Authenticator app it may still be the app's own code.
            separateOath = live.Contains(SsprGate.MobileApp) && live.Contains(SsprGate.SoftwareOathToken);
            if (separateOath)
            {
                gates.Remove(SsprGate.SoftwareOathToken);
            }
        }

        if (user.ProfileContact.TryGetValue(out var contact))
        {
            gates.UnionWith(SsprMethodCatalog.FromProfile(contact));
        }

        var securityQuestions = gates.Remove(SsprGate.SecurityQuestions);
        var evidence = FactText.Join(
            FactText.Describe("methodsRegistered", user.Registration, r => FactText.List(r.MethodsRegistered)),
            user.AuthenticationMethods.IsReadable || !user.Registration.IsReadable
                ? FactText.Describe("authentication methods", user.AuthenticationMethods, m => FactText.List(m.Select(x => x.PhoneType is null ? x.ODataType : $"{x.ODataType} ({x.PhoneType})")))
                : "",
            FactText.Describe("profile contact", user.ProfileContact, c => FactText.List(SsprMethodCatalog.FromProfile(c).Select(SsprMethodCatalog.Describe))));
        return new UsableGates(gates.ToList(), known, securityQuestions, separateOath, evidence);
    }
}
