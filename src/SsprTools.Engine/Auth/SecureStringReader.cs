using System;
using System.Runtime.InteropServices;
using System.Security;

namespace SsprTools.Engine.Auth;

/// <summary>Turns a SecureString into a string only at the moment a credential needs it.</summary>
internal static class SecureStringReader
{
    public static string Read(SecureString secure)
    {
        var pointer = IntPtr.Zero;
        try
        {
            pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
            return Marshal.PtrToStringUni(pointer) ?? string.Empty;
        }
        finally
        {
            if (pointer != IntPtr.Zero)
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }
}
