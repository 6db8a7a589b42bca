using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Identity;
using SsprTools.Engine.Auth;
using SsprTools.Engine.Connection;
using SsprTools.Engine.Logging;
using SsprTools.Engine.Errors;
using SsprTools.Engine.Tests.Support;

namespace SsprTools.Engine.Tests.Connection;

/// <summary>
/// Sign-in methods that need Entra ID itself (interactive, device code, secret, certificate) cannot
/// run end to end here; these tests check that each builds the right Azure.Identity credential and
/// that certificates load from every documented source without leaking their secrets.
/// </summary>
public class CredentialFactoryTests
{
    private const string Tenant = "8d1f0c2a-0000-4000-8000-000000000001";
    private const string App = "11111111-2222-3333-4444-555555555555";

    [Theory]
    [InlineData(SignInMethod.Interactive, typeof(InteractiveBrowserCredential))]
    [InlineData(SignInMethod.DeviceCode, typeof(DeviceCodeCredential))]
    [InlineData(SignInMethod.ManagedIdentity, typeof(ManagedIdentityCredential))]
    [InlineData(SignInMethod.ClientSecret, typeof(ClientSecretCredential))]
    public void Each_sign_in_method_uses_its_Azure_Identity_credential(SignInMethod method, Type expected)
    {
        var request = new ConnectionRequest
        {
            Method = method,
            TenantId = Tenant,
            ClientId = App,
            ClientSecret = TestTokens.Secure("not-a-real-secret"),
        };

        using var signIn = CredentialFactory.Create(request, TokenClaims.Empty);
        var credential = signIn.Credential;

        Assert.IsType(expected, credential);
    }

    [Fact]
    public void Client_secret_without_a_tenant_is_refused()
    {
        var request = new ConnectionRequest { Method = SignInMethod.ClientSecret, ClientId = App, ClientSecret = TestTokens.Secure("x") };

        var error = Assert.Throws<SsprException>(() => CredentialFactory.Create(request, TokenClaims.Empty));

        Assert.Equal("SignInParameterMissing", error.ErrorId);
        Assert.Contains("-TenantId", error.Message);
    }

    [Fact]
    public void A_certificate_file_with_its_password_builds_a_certificate_credential()
    {
        using var file = TemporaryCertificate.Create("Pa55-word!");
        var request = new ConnectionRequest
        {
            Method = SignInMethod.Certificate,
            TenantId = Tenant,
            ClientId = App,
            CertificatePath = file.Path,
            CertificatePassword = TestTokens.Secure("Pa55-word!"),
        };

        using var signIn = CredentialFactory.Create(request, TokenClaims.Empty);
        Assert.IsType<ClientCertificateCredential>(signIn.Credential);
    }

    [Fact]
    public void A_wrong_certificate_password_is_a_clear_error_that_does_not_echo_it()
    {
        using var file = TemporaryCertificate.Create("Pa55-word!");
        var request = new ConnectionRequest
        {
            Method = SignInMethod.Certificate,
            TenantId = Tenant,
            ClientId = App,
            CertificatePath = file.Path,
            CertificatePassword = TestTokens.Secure("wrong-guess-42"),
        };

        var error = Assert.Throws<SsprException>(() => CertificateSource.Load(request));

        Assert.Equal("CertificateFileUnreadable", error.ErrorId);
        Assert.DoesNotContain("wrong-guess-42", error.ToString());
    }

    [Fact]
    public void A_certificate_without_a_private_key_is_refused()
    {
        using var file = TemporaryCertificate.Create("x");
        using var withKey = X509CertificateLoader.LoadPkcs12FromFile(file.Path, "x");
        using var publicOnly = X509CertificateLoader.LoadCertificate(withKey.Export(X509ContentType.Cert));

        var error = Assert.Throws<SsprException>(() => CertificateSource.Load(new ConnectionRequest { Certificate = publicOnly }));

        Assert.Equal("CertificateWithoutPrivateKey", error.ErrorId);
    }

    [Fact]
    public void A_missing_certificate_file_is_not_found()
    {
        var error = Assert.Throws<SsprException>(() => CertificateSource.Load(new ConnectionRequest { CertificatePath = "no-such-file.pfx" }));

        Assert.Equal("CertificateFileNotFound", error.ErrorId);
        Assert.Equal(SsprErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public void An_unknown_thumbprint_is_not_found_in_either_store()
    {
        var error = Assert.Throws<SsprException>(() => CertificateSource.Load(new ConnectionRequest { CertificateThumbprint = "00112233445566778899AABBCCDDEEFF00112233" }));

        Assert.Equal("CertificateNotFound", error.ErrorId);
    }

    private sealed class TemporaryCertificate : IDisposable
    {
        private TemporaryCertificate(string path) => Path = path;

        public string Path { get; }

        public static TemporaryCertificate Create(string password)
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=SsprTools test app", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
            var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ssprtools-test-{Guid.NewGuid():n}.pfx");
            File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
            return new TemporaryCertificate(path);
        }

        public void Dispose() => File.Delete(Path);
    }
}
