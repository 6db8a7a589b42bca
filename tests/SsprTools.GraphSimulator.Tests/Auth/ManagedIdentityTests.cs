using System.Net;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Identity;

namespace SsprTools.GraphSimulator.Tests.Auth;

public sealed class ManagedIdentityTests
{
    private const string GraphScope = "https://graph.microsoft.com/.default";
    private const string UserAssignedClientId = "deadbeef-0000-4000-8000-000000000001"; // seed scenario

    [Fact]
    public async Task Endpoint_answers_the_app_service_protocol()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        var url = $"{sim.Host.ManagedIdentityEndpoint}?resource=https://graph.microsoft.com&api-version=2019-08-01";
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-IDENTITY-HEADER", sim.Host.IdentityHeader);
        using var response = await sim.Http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["access_token", "client_id", "expires_on", "resource", "token_type"], body.Select(p => p.Key).Order());
        Assert.Equal("Bearer", body["token_type"]!.GetValue<string>());
        Assert.True(long.Parse(body["expires_on"]!.GetValue<string>()) > DateTimeOffset.UtcNow.ToUnixTimeSeconds());

        using var patch = await sim.PatchJsonAsync("/v1.0/policies/authorizationPolicy", """{"allowedToUseSSPR":true}""", body["access_token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, patch.StatusCode);
        Assert.Equal("application", sim.Host.Journal.Entries.Single().CallerType);
    }

    [Theory]
    [InlineData(null, "2019-08-01", "https://graph.microsoft.com")]
    [InlineData("wrong", "2019-08-01", "https://graph.microsoft.com")]
    [InlineData("ok", "2017-09-01", "https://graph.microsoft.com")]
    [InlineData("ok", "2019-08-01", "https://vault.azure.net")]
    public async Task Endpoint_rejects_bad_requests(string? header, string apiVersion, string resource)
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{sim.Host.ManagedIdentityEndpoint}?resource={resource}&api-version={apiVersion}");
        if (header is not null)
            request.Headers.Add("X-IDENTITY-HEADER", header == "ok" ? sim.Host.IdentityHeader : header);
        using var response = await sim.Http.SendAsync(request);
        Assert.False(response.IsSuccessStatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]);
    }

    [Fact]
    public async Task Azure_Identity_ManagedIdentityCredential_works_unchanged()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        var saved = (Environment.GetEnvironmentVariable("IDENTITY_ENDPOINT"), Environment.GetEnvironmentVariable("IDENTITY_HEADER"));
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", sim.Host.ManagedIdentityEndpoint.ToString());
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", sim.Host.IdentityHeader);
        try
        {
            var system = await new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned).GetTokenAsync(new TokenRequestContext([GraphScope]));
            using var write = await sim.PatchJsonAsync("/v1.0/policies/authorizationPolicy", """{"allowedToUseSSPR":true}""", system.Token);
            Assert.Equal(HttpStatusCode.NoContent, write.StatusCode);

            // The user-assigned identity of the seed scenario may read but not write the policy.
            var user = await new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(UserAssignedClientId)).GetTokenAsync(new TokenRequestContext([GraphScope]));
            using var read = await sim.GetAsync("/v1.0/policies/authorizationPolicy", user.Token);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            using var denied = await sim.PatchJsonAsync("/v1.0/policies/authorizationPolicy", """{"allowedToUseSSPR":false}""", user.Token);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }
        finally
        {
            Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", saved.Item1);
            Environment.SetEnvironmentVariable("IDENTITY_HEADER", saved.Item2);
        }
    }
}
