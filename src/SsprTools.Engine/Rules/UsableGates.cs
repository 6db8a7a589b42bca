using System.Collections.Generic;
using System.Linq;

namespace SsprTools.Engine.Rules;

/// <summary>The SSPR gates an administrator has, from every readable source, security questions set apart.</summary>
internal sealed class UsableGates
{
    private UsableGates(IReadOnlyCollection<SsprGate> gates, bool methodsKnown, bool hasSecurityQuestions, bool mergedAuthenticatorCode, string evidence)
    {
        Gates = gates;
        MethodsKnown = methodsKnown;
        HasSecurityQuestions = hasSecurityQuestions;
        MergedAuthenticatorCode = mergedAuthenticatorCode;
        Evidence = evidence;
    }

    /// <summary>Distinct gates in enum order, without security questions.</summary>
    public IReadOnlyCollection<SsprGate> Gates { get; }

    /// <summary>Registration report or authentication methods were readable.</summary>
    public bool MethodsKnown { get; }

    public bool HasSecurityQuestions { get; }

    /// <summary>methodsRegistered had both microsoftAuthenticatorPush and softwareOneTimePasscode.</summary>
    public bool MergedAuthenticatorCode { get; }

    public string Evidence { get; }

    public static UsableGates Collect(ResetContext context)
    {
        var user = context.User;
        var gates = new SortedSet<SsprGate>();
        var merged = false;
        var known = false;
        if (user.Registration.TryGetValue(out var registration))
        {
            known = true;
            gates.UnionWith(registration.MethodsRegistered.Select(SsprMethodCatalog.FromMethodRegistered).OfType<SsprGate>());
            merged = registration.MethodsRegistered.Any(m => LicenceCatalog.Same(m, "microsoftAuthenticatorPush"))
                && registration.MethodsRegistered.Any(m => LicenceCatalog.Same(m, "softwareOneTimePasscode"));
        }

        if (user.AuthenticationMethods.TryGetValue(out var methods))
        {
            known = true;
            gates.UnionWith(methods.Select(SsprMethodCatalog.FromAuthenticationMethod).OfType<SsprGate>());
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
        return new UsableGates(gates.ToList(), known, securityQuestions, merged, evidence);
    }
}
