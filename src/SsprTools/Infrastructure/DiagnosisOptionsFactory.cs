using System;
using SsprTools.Engine.Diagnosis;
using SsprTools.Engine.Facts;

namespace SsprTools.Infrastructure;

/// <summary>Turns the validated -PasswordWriteback and -SsprUserPolicy strings into engine options.</summary>
internal static class DiagnosisOptionsFactory
{
    public static DiagnosisOptions From(string? passwordWriteback, string? userPolicy) => new()
    {
        PasswordWriteback = passwordWriteback is null ? null : (PasswordWritebackState)Enum.Parse(typeof(PasswordWritebackState), passwordWriteback, ignoreCase: true),
        UserPolicyScope = userPolicy is null ? null : (SsprUserPolicyScope)Enum.Parse(typeof(SsprUserPolicyScope), userPolicy, ignoreCase: true),
    };
}
