using Azure.Core;
using Azure.Identity;
using SsprTools.Engine.Auth;
using SsprTools.Engine.Connection;
using SsprTools.Engine.Logging;
using SsprTools.Engine.Graph;
using SsprTools.Engine.Logging;
using SsprTools.Engine.Tests.Support;

namespace SsprTools.Engine.Tests.Connection;

/// <summary>
/// Azure.Identity asks for a device code whenever a silent refresh fails, which can be long after Connect-SsprGraph
/// has ended. The prompt must reach the command running then (its warning stream), not Connect-SsprGraph's closed log.
/// </summary>
public class DeviceCodePromptTests
{
    private static readonly DeviceCodeInfo Code = IdentityModelFactory.DeviceCodeInfo(
        "ABCD-EFGH", "device-code", new Uri("https://microsoft.com/devicelogin"), DateTimeOffset.UtcNow.AddMinutes(15),
        "To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code ABCD-EFGH to authenticate.",
        CredentialFactory.DefaultPublicClientId, new[] { "https://graph.microsoft.com/Policy.Read.All" });

    [Fact]
    public async Task A_later_prompt_goes_to_the_log_of_the_command_running_when_Azure_Identity_asks()
    {
        var request = new ConnectionRequest { Method = SignInMethod.DeviceCode, TenantId = "contoso.onmicrosoft.com" };
        var connectLog = new RecordingLog();
        var commandLog = new RecordingLog();
        DeviceCodeCredentialOptions options;
        using (AmbientLog.Use(connectLog))
        {
            // Built while Connect-SsprGraph runs, as SsprSession.ConnectAsync does.
            options = CredentialFactory.DeviceCodeOptions(request);
        }

        // Later, a command's engine call: the refresh happens somewhere down its async flow (Graph handler, token provider).
        using (AmbientLog.Use(commandLog))
        {
            await Task.Run(async () =>
            {
                await Task.Yield();
                await options.DeviceCodeCallback(Code, CancellationToken.None);
            });
        }

        Assert.Equal(new[] { Code.Message }, commandLog.Warnings);
        Assert.Empty(connectLog.Warnings);
    }

    [Fact]
    public async Task The_first_prompt_goes_to_Connect_SsprGraph_itself()
    {
        var connectLog = new RecordingLog();
        var options = CredentialFactory.DeviceCodeOptions(new ConnectionRequest { Method = SignInMethod.DeviceCode });

        using (AmbientLog.Use(connectLog))
        {
            await options.DeviceCodeCallback(Code, CancellationToken.None);
        }

        Assert.Equal(new[] { Code.Message }, connectLog.Warnings);
    }

    [Fact]
    public async Task A_token_asked_for_during_a_commands_Graph_call_sees_that_commands_log()
    {
        // The whole path a later refresh takes: the command's engine call, the SDK's request, our token provider, the credential.
        await using var host = await SimulatedTenant.StartAsync();
        var credential = new PromptingCredential(host.DefaultToken);
        var serviceRoot = GraphEndpointRule.Normalize(host.BaseUrl);
        using var client = GraphClientBuilder.Build(serviceRoot, credential, new[] { "https://graph.microsoft.com/.default" }, GraphRetryPolicy.Default, TimeProvider.System, out var httpClient);
        using var _ = httpClient;
        var connectLog = new RecordingLog();
        var commandLog = new RecordingLog();
        using (AmbientLog.Use(connectLog))
        {
            await client.Policies.AuthorizationPolicy.GetAsync();
        }

        using (AmbientLog.Use(commandLog))
        {
            await Task.Run(() => client.Policies.AuthorizationPolicy.GetAsync());
        }

        Assert.Single(connectLog.Warnings);
        Assert.Equal(new[] { PromptingCredential.Prompt }, commandLog.Warnings);
    }

    [Fact]
    public void The_device_code_credential_uses_these_options()
    {
        using var signIn = CredentialFactory.Create(new ConnectionRequest { Method = SignInMethod.DeviceCode }, TokenClaims.Empty);

        Assert.IsType<DeviceCodeCredential>(signIn.Credential);
    }

    /// <summary>A credential that, like DeviceCodeCredential after a failed silent refresh, prompts on every token request.</summary>
    private sealed class PromptingCredential : TokenCredential
    {
        public const string Prompt = "To sign in, use a web browser to open the page https://microsoft.com/devicelogin";

        private readonly string _token;

        public PromptingCredential(string token) => _token = token;

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            AmbientLog.Current.Warning(Prompt);
            return new AccessToken(_token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }
}
