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

        var file = Parse(nameOrPath, json);
        if (string.IsNullOrEmpty(file.Name))
            file.Name = Path.GetFileNameWithoutExtension(nameOrPath);
        if (file.Generate is not null || options.Users is not null || options.Admins is not null || options.AuditEvents is not null)
            LargeScenarioGenerator.Expand(file, options);
        return file;
    }

    /// <summary>The scenario in <paramref name="json"/>; valid JSON of the wrong shape (an array, a number where a list
    /// belongs, a null list) is refused with the JSON path of the problem, never left to fail later as a null reference.</summary>
    internal static ScenarioFile Parse(string nameOrPath, string json)
    {
        ScenarioFile? file;
        try
        {
            using (var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }))
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new ScenarioException($"Scenario '{nameOrPath}' has the wrong shape: the file must hold one JSON object ({{ \"name\": ..., \"users\": [...] }}), not {Describe(document.RootElement.ValueKind)}.");
                }
            }

            file = JsonSerializer.Deserialize<ScenarioFile>(json, SimulatorJson.Options);
        }
        catch (JsonException e) when (e.Path is { Length: > 1 })
        {
            throw new ScenarioException($"Scenario '{nameOrPath}' has the wrong shape at {e.Path}: {e.Message}");
        }
        catch (JsonException e)
        {
            throw new ScenarioException($"Scenario '{nameOrPath}' is not valid: {e.Message}");
        }

        if (file is null)
        {
            throw new ScenarioException($"Scenario '{nameOrPath}' is empty.");
        }

        var nullList = NullLists(file).FirstOrDefault();
        if (nullList is not null)
        {
            throw new ScenarioException($"Scenario '{nameOrPath}' has the wrong shape at $.{nullList}: null where a list or object belongs.");
        }

        return file;
    }

    private static IEnumerable<string> NullLists(ScenarioFile file)
    {
        if (file.Organization is null) yield return "organization";
        if (file.Subscriptions is null) yield return "subscriptions";
        if (file.Sspr is null) yield return "sspr";
        if (file.Users is null) yield return "users";
        if (file.Groups is null) yield return "groups";
        if (file.Roles is null) yield return "roles";
        if (file.CustomRoles is null) yield return "customRoles";
        if (file.ActivatedRoles is null) yield return "activatedRoles";
        if (file.ManagedIdentity is null) yield return "managedIdentity";
        if (file.Applications is null) yield return "applications";
        if (file.Users?.Any(u => u is null) == true) yield return "users[]";
        if (file.AuditLog is { } audit)
        {
            if (audit.Settings is null) yield return "auditLog.settings";
            if (audit.Journeys is null || audit.Journeys.Any(j => j is null)) yield return "auditLog.journeys";
            if (audit.Events is null || audit.Events.Any(e => e is null || e.Targets is null || e.Details is null)) yield return "auditLog.events";
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Null => "null",
        _ => "true or false",
    };

    public static TenantState Load(SimulatorOptions options) => TenantBuilder.Build(Read(options), options.Clock);
}
