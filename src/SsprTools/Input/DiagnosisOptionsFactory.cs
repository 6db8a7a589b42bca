using System;
using SsprTools.Engine.Diagnosis;
using SsprTools.Engine.Facts;

namespace SsprTools.Input;

/// <summary>Turns the validated -PasswordWriteback, -SsprUserPolicy and -OnPremisesProtectedAdmins strings into engine options.</summary>
internal static class DiagnosisOptionsFactory
{
    public static DiagnosisOptions From(string? passwordWriteback, string? userPolicy, string? protectedAdmins = null) => new()
    {
        OnPremisesProtectedAdmins = protectedAdmins is null ? null : (OnPremisesProtectedAdmins)Enum.Parse(typeof(OnPremisesProtectedAdmins), protectedAdmins, ignoreCase: true),
        PasswordWriteback = passwordWriteback is null ? null : (PasswordWritebackState)Enum.Parse(typeof(PasswordWritebackState), passwordWriteback, ignoreCase: true),
        UserPolicyScope = userPolicy is null ? null : (SsprUserPolicyScope)Enum.Parse(typeof(SsprUserPolicyScope), userPolicy, ignoreCase: true),
    };
}
