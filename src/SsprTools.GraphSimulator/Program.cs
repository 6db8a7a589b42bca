using System.Runtime.InteropServices;
using SsprTools.GraphSimulator;
using SsprTools.GraphSimulator.Cli;
using SsprTools.GraphSimulator.Tenant;

// Command-line host: starts the simulator, announces it, and runs until Ctrl+C or SIGTERM.
CommandLine command;
try
{
    command = CommandLine.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}
if (command.Help)
{
    Console.WriteLine(CommandLine.Usage);
    return 0;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

SimulatorHost host;
try
{
    host = await SimulatorHost.StartAsync(command.Options, stop.Token);
}
catch (ScenarioException e)
{
    Console.Error.WriteLine(e.Message);
    return 3;
}

await using (host)
{
    var baseUrl = host.BaseUrl.ToString().TrimEnd('/');
    Console.WriteLine($"Graph simulator: tenant {host.TenantId} on {baseUrl}");
    Console.WriteLine($"Token: {host.DefaultToken}");
    if (command.ReadyFile is { } readyFile)
        ReadyFile.Write(readyFile, host);
    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token);
    }
    catch (OperationCanceledException)
    {
        // Ctrl+C or SIGTERM: fall through to a clean shutdown.
    }
}
return 0;
