using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SsprTools.Engine.Connection;
using SsprTools.Engine.Errors;

namespace SsprTools.Engine.Connection;

/// <summary>Finds the app's certificate: given, from the user's or machine's store, or from a password-protected file.</summary>
internal static class CertificateSource
{
    /// <summary>The certificate, and whether SsprTools loaded it (from a store or file: the session disposes it) or
    /// the caller gave it (-Certificate: the caller's object, left alone).</summary>
    public static (X509Certificate2 Certificate, bool Owned) Load(ConnectionRequest request)
    {
        if (request.Certificate is not null)
        {
            return (RequirePrivateKey(request.Certificate, "the -Certificate object"), false);
        }

        if (!string.IsNullOrWhiteSpace(request.CertificateThumbprint))
        {
            return (FromStore(request.CertificateThumbprint!), true);
        }

        if (!string.IsNullOrWhiteSpace(request.CertificatePath))
        {
            return (FromFile(request.CertificatePath!, request), true);
        }

        throw new SsprException(SsprErrorKind.InvalidArgument, "CertificateMissing",
            "Certificate sign-in needs -CertificateThumbprint, -Certificate or -CertificatePath.");
    }

    private static X509Certificate2 FromStore(string thumbprint)
    {
        var wanted = thumbprint.Replace(" ", string.Empty);
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            try
            {
                using var store = new X509Store(StoreName.My, location);
                store.Open(OpenFlags.ReadOnly);
                var all = store.Certificates;
                var found = all.Find(X509FindType.FindByThumbprint, wanted, validOnly: false);
                var match = found.Count > 0 ? found[0] : null;
                // Each read of a store makes new certificate objects; only the one returned is kept (and disposed with the session).
                DisposeAllBut(all, match);
                DisposeAllBut(found, match);
                if (match is not null)
                {
                    return OwnedWithPrivateKey(match, $"certificate {wanted} in {location}\\My");
                }
            }
            catch (CryptographicException)
            {
                // A store this platform cannot open (LocalMachine on Linux) is simply not searched.
            }
        }

        throw new SsprException(SsprErrorKind.NotFound, "CertificateNotFound",
            $"No certificate with thumbprint {wanted} in the CurrentUser\\My or LocalMachine\\My store.");
    }

    private static X509Certificate2 FromFile(string path, ConnectionRequest request)
    {
        if (!File.Exists(path))
        {
            throw new SsprException(SsprErrorKind.NotFound, "CertificateFileNotFound", $"Certificate file '{path}' does not exist.");
        }

        try
        {
#pragma warning disable SYSLIB0057 // X509CertificateLoader is not in netstandard2.0.
            var certificate = request.CertificatePassword is null
                ? new X509Certificate2(path)
                : new X509Certificate2(path, request.CertificatePassword);
#pragma warning restore SYSLIB0057
            return OwnedWithPrivateKey(certificate, $"certificate file '{path}'");
        }
        catch (CryptographicException e)
        {
            // The message never echoes the password; CryptographicException does not carry it.
            throw new SsprException(SsprErrorKind.InvalidArgument, "CertificateFileUnreadable",
                $"Cannot read certificate file '{path}': wrong password or not a PKCS#12 file.", e);
        }
    }

    // A certificate SsprTools loaded and cannot use is disposed at once.
    private static X509Certificate2 OwnedWithPrivateKey(X509Certificate2 certificate, string what)
    {
        try
        {
            return RequirePrivateKey(certificate, what);
        }
        catch
        {
            certificate.Dispose();
            throw;
        }
    }

    private static void DisposeAllBut(X509Certificate2Collection certificates, X509Certificate2? kept)
    {
        foreach (var certificate in certificates)
        {
            if (!ReferenceEquals(certificate, kept))
            {
                certificate.Dispose();
            }
        }
    }

    private static X509Certificate2 RequirePrivateKey(X509Certificate2 certificate, string what) =>
        certificate.HasPrivateKey
            ? certificate
            : throw new SsprException(SsprErrorKind.InvalidArgument, "CertificateWithoutPrivateKey",
                $"The {what} has no private key; app-only sign-in needs one.");
}
