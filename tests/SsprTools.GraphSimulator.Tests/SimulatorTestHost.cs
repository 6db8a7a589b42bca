using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text;

namespace SsprTools.GraphSimulator.Tests;

/// <summary>A started simulator plus an HttpClient that sends the default token.</summary>
internal sealed class SimulatorTestHost : IAsyncDisposable
{
    private SimulatorTestHost(SimulatorHost host)
    {
        Host = host;
        Http = new HttpClient { BaseAddress = host.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public SimulatorHost Host { get; }
    public HttpClient Http { get; }

    public static async Task<SimulatorTestHost> StartAsync(string scenario = "seed", Action<SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions { Scenario = scenario };
        configure?.Invoke(options);
        return new SimulatorTestHost(await SimulatorHost.StartAsync(options));
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? token = null, IDictionary<string, string>? headers = null) =>
        SendAsync(HttpMethod.Get, path, null, token, headers);

    public Task<HttpResponseMessage> PatchJsonAsync(string path, string json, string? token = null) =>
        SendAsync(HttpMethod.Patch, path, new StringContent(json, Encoding.UTF8, "application/json"), token);

    public Task<HttpResponseMessage> PostJsonAsync(string path, string json, string? token = null) =>
        SendAsync(HttpMethod.Post, path, new StringContent(json, Encoding.UTF8, "application/json"), token);

    /// <summary>Sends a request; token "" sends no Authorization header, null sends the default token.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, string? token = null, IDictionary<string, string>? headers = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        token ??= Host.DefaultToken;
        if (token.Length > 0)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            request.Headers.TryAddWithoutValidation(name, value);
        return Http.SendAsync(request);
    }

    public async Task<JsonObject> GetJsonAsync(string path, string? token = null, IDictionary<string, string>? headers = null)
    {
        using var response = await GetAsync(path, token, headers);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} → {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
