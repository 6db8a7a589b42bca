using System.Reflection;
using System.Text.Json;

namespace SsprTools.GraphSimulator.Tenant;

/// <summary>Finds a scenario by shipped name (embedded in the assembly) or file path and builds the tenant.</summary>
internal static class ScenarioLoader
{
    private const string ResourcePrefix = "Scenarios.";

    /// <summary>Names of the scenarios shipped with the simulator.</summary>
    public static IReadOnlyList<string> ShippedNames =>
        typeof(ScenarioLoader).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^".json".Length])
            .Order(StringComparer.Ordinal)
            .ToList();

    public static ScenarioFile Read(SimulatorOptions options)
    {
        var nameOrPath = options.Scenario;
        string json;
        if (File.Exists(nameOrPath))
        {
            json = File.ReadAllText(nameOrPath);
        }
        else
        {
            using var stream = typeof(ScenarioLoader).Assembly.GetManifestResourceStream(ResourcePrefix + nameOrPath.ToLowerInvariant() + ".json")
                ?? throw new ScenarioException($"No scenario '{nameOrPath}': not a file and not one of {string.Join(", ", ShippedNames)}.");
            using var reader = new StreamReader(stream);
            json = reader.ReadToEnd();
        }

        ScenarioFile file;
        try
        {
            file = JsonSerializer.Deserialize<ScenarioFile>(json, SimulatorJson.Options)
                ?? throw new ScenarioException($"Scenario '{nameOrPath}' is empty.");
        }
        catch (JsonException e)
        {
            throw new ScenarioException($"Scenario '{nameOrPath}' is not valid: {e.Message}");
        }
        if (string.IsNullOrEmpty(file.Name))
            file.Name = Path.GetFileNameWithoutExtension(nameOrPath);
        if (file.Generate is not null || options.Users is not null || options.Admins is not null)
            LargeScenarioGenerator.Expand(file, options);
        return file;
    }

    public static TenantState Load(SimulatorOptions options) => TenantBuilder.Build(Read(options), options.Clock);
}
