using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace SsprTools.GraphSimulator.Tests;

/// <summary>The shipped 'activity' scenario (seed tenant + audit log) and the facts its tests rely on.</summary>
internal static class ActivityScenario
{
    public static readonly DateTimeOffset Now = new(2031, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public const string Sspr = "Self-service Password Management";
    public const string CarlaSucceeded = "9fe65051-8a62-4b77-9c6d-c9a79157ff9d";
    public const string AlexBlocked = "3c1d7a52-0f4e-4b6a-9d21-7e5f8a9b0c1d";
    public const string AlexFailed = "5b2e8c63-1a5f-4c7b-8e32-8f6a9b0c1d2e";
    public const string GraceFailed = "7d4f0e85-3c7b-4e9d-a054-0b8c1d2e3f40";
    public const string GinaFailed = "8e5a1f96-4d8c-4f0e-b165-1c9d2e3f4051";
    public const string PaulAbandoned = "6c3f9d74-2b6a-4d8c-9f43-9a7b0c1d2e3f";
    public const string HenryTooOld = "0a6b2c07-5e9d-4a1f-8276-2d0e3f405162";

    /// <summary>Records within 30 days: 22 by Self-service Password Management (6+4+5+2+2+2 journey events and one admin
    /// reset), 3 by Core Directory and 1 by Authentication Methods. Henry's 40-day-old journey is never kept.</summary>
    public const int KeptOnPremium = 26;
    public const int SsprKeptOnPremium = 22;

    /// <summary>Within 7 days (Free): everything but Gina's journey (2), the registration, the policy change and the app's update.</summary>
    public const int KeptOnFree = 21;

    /// <summary>The shipped scenario as JSON, for tests that change one thing.</summary>
    public static JsonObject Json()
    {
        using var stream = typeof(SimulatorHost).Assembly.GetManifestResourceStream("Scenarios.activity.json")!;
        return JsonNode.Parse(stream)!.AsObject();
    }

    /// <summary>Starts the activity scenario (optionally edited) on a fake clock at <see cref="Now"/>.</summary>
    public static async Task<SimulatorTestHost> StartAsync(Action<JsonObject>? edit = null, FakeTimeProvider? clock = null, Action<SimulatorOptions>? configure = null)
    {
        var scenario = "activity";
        if (edit is not null)
        {
            var json = Json();
            edit(json);
            scenario = Path.Combine(Path.GetTempPath(), $"activity-{Guid.NewGuid():N}.json");
            await File.WriteAllTextAsync(scenario, json.ToJsonString());
        }
        clock ??= new FakeTimeProvider(Now);
        try
        {
            return await SimulatorTestHost.StartAsync(scenario, o =>
            {
                o.Clock = clock;
                configure?.Invoke(o);
            });
        }
        finally
        {
            if (edit is not null)
                File.Delete(scenario); // read once at start
        }
    }

    public static void Settings(JsonObject scenario, string name, JsonNode? value) => scenario["auditLog"]!["settings"]![name] = value;

    /// <summary>Entra ID Free: only Office 365 E3, no P1/P2 service plan.</summary>
    public static void Free(JsonObject scenario) =>
        scenario["subscriptions"] = new JsonArray(new JsonObject { ["skuPartNumber"] = "ENTERPRISEPACK", ["prepaidUnits"] = 25 });
}
