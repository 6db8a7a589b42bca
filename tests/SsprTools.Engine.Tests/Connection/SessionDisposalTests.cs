using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using SsprTools.Engine.Auth;
using SsprTools.Engine.Connection;
using SsprTools.Engine.Tests.Support;

namespace SsprTools.Engine.Tests.Connection;

/// <summary>
/// A session owns what it signed in with: when it is finally disposed (replaced or disconnected, last command ended)
/// it disposes its credential and the certificate it loaded from a file or store; a -Certificate object stays the caller's.
/// </summary>
public class SessionDisposalTests
{
    private const string Tenant = "8d1f0c2a-0000-4000-8000-000000000001";
    private const string App = "11111111-2222-3333-4444-555555555555";

    [Fact]
    public void Disposing_the_sign_in_disposes_a_disposable_credential_and_the_certificates_it_owns_once()
    {
        var credential = new FakeDisposableCredential();
        using var certificate = SelfSigned();
        var signIn = new SignInCredential(credential, certificate);

        signIn.Dispose();
        signIn.Dispose();

        Assert.Equal(1, credential.DisposeCount);
        Assert.Equal(IntPtr.Zero, certificate.Handle);
    }

    [Fact]
    public void A_certificate_loaded_from_a_file_is_owned_by_the_session_and_disposed_with_it()
    {
        using var certificate = SelfSigned();
        var path = Path.Combine(Path.GetTempPath(), $"ssprtools-test-{Guid.NewGuid():n}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "pw"));
        try
        {
            var signIn = CredentialFactory.Create(CertificateRequest(new ConnectionRequest { CertificatePath = path, CertificatePassword = TestTokens.Secure("pw") }), TokenClaims.Empty);
            var loaded = Assert.Single(signIn.OwnedCertificates);
            Assert.NotEqual(IntPtr.Zero, loaded.Handle);

            signIn.Dispose();

            Assert.Equal(IntPtr.Zero, loaded.Handle);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_certificate_object_the_caller_gave_is_left_usable()
    {
        using var certificate = SelfSigned();
        var signIn = CredentialFactory.Create(CertificateRequest(new ConnectionRequest { Certificate = certificate }), TokenClaims.Empty);

        signIn.Dispose();

        Assert.Empty(signIn.OwnedCertificates);
        Assert.NotEqual(IntPtr.Zero, certificate.Handle);
        Assert.True(certificate.HasPrivateKey);
    }

    [Fact]
    public async Task Disposing_a_session_closes_its_client_and_wipes_its_access_token_copy()
    {
        await using var host = await SimulatedTenant.StartAsync();
        var session = await SimulatedTenant.ConnectAsync(host);
        var credential = Assert.IsType<StaticAccessTokenCredential>(session.SignIn.Credential);
        Assert.False(string.IsNullOrEmpty(credential.GetToken(new TokenRequestContext(new[] { "x" }), CancellationToken.None).Token));

        session.Dispose();
        session.Dispose();

        Assert.True(session.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => credential.GetToken(new TokenRequestContext(new[] { "x" }), CancellationToken.None));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => session.Graph.HttpClient.GetAsync("organization"));
    }

    private static ConnectionRequest CertificateRequest(ConnectionRequest source) => new()
    {
        Method = SignInMethod.Certificate,
        TenantId = Tenant,
        ClientId = App,
        Certificate = source.Certificate,
        CertificatePath = source.CertificatePath,
        CertificatePassword = source.CertificatePassword,
    };

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=SsprTools test app", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        // Through PFX, so the key is persisted with the certificate as a loaded file's is.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx, "pw"), "pw");
    }

    private sealed class FakeDisposableCredential : TokenCredential, IDisposable
    {
        public int DisposeCount { get; private set; }

        public void Dispose() => DisposeCount++;

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("token", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }
}
