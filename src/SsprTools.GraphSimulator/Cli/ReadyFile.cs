using System.Text.Json;

namespace SsprTools.GraphSimulator.Cli;

/// <summary>Tells a parent process the simulator is listening: the file appears complete or not at all (write, then move).</summary>
internal static class ReadyFile
{
    public static void Write(string path, SimulatorHost host)
    {
        var json = JsonSerializer.Serialize(new
        {
            baseUrl = host.BaseUrl.ToString().TrimEnd('/'),
            tenantId = host.TenantId,
            token = host.DefaultToken,
            pid = Environment.ProcessId,
            // What a managed-identity client needs as IDENTITY_ENDPOINT / IDENTITY_HEADER.
            identityEndpoint = host.ManagedIdentityEndpoint.ToString(),
            identityHeader = host.IdentityHeader,
        });
        var full = Path.GetFullPath(path);
        var temp = full + ".tmp-" + Environment.ProcessId;
        File.WriteAllText(temp, json);
        File.Move(temp, full, overwrite: true);
    }
}
