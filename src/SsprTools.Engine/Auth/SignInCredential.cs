using System;
using System.Collections.Generic;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using Azure.Core;

namespace SsprTools.Engine.Auth;

/// <summary>
/// The credential a session signs in with, and what the session owns for it: a certificate SsprTools loaded
/// from a file or a store is its own to dispose (it holds the private key); a -Certificate object stays the
/// caller's. Disposed with the session, after its last command has ended.
/// </summary>
internal sealed class SignInCredential : IDisposable
{
    private int _disposed;

    public SignInCredential(TokenCredential credential, X509Certificate2? ownedCertificate = null)
    {
        Credential = credential;
        OwnedCertificates = ownedCertificate is null ? Array.Empty<X509Certificate2>() : new[] { ownedCertificate };
    }

    public TokenCredential Credential { get; }

    public IReadOnlyList<X509Certificate2> OwnedCertificates { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Azure.Identity's credentials are not IDisposable today; ours (a copy of the access token) is, and any may become so.
        (Credential as IDisposable)?.Dispose();
        foreach (var certificate in OwnedCertificates)
        {
            certificate.Dispose();
        }
    }
}
