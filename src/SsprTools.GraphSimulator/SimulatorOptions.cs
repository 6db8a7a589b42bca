using SsprTools.GraphSimulator.Faults;

namespace SsprTools.GraphSimulator;

/// <summary>How to start a simulated tenant.</summary>
public sealed class SimulatorOptions
{
    /// <summary>Name of a shipped scenario (seed, healthy, unregistered, nopremium, large, activity) or a path to a scenario JSON file.</summary>
    public string Scenario { get; set; } = "seed";

    /// <summary>TCP port on 127.0.0.1; 0 picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>User count for the generated 'large' scenario.</summary>
    public int? Users { get; set; }

    /// <summary>Administrator count for the generated 'large' scenario.</summary>
    public int? Admins { get; set; }

    /// <summary>Self-service Password Management audit events for the generated 'large' scenario.</summary>
    public int? AuditEvents { get; set; }

    /// <summary>Seed for generated data.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Faults to inject; replaces the scenario's own 'faults' section when any value is set.</summary>
    public FaultSettings Faults { get; set; } = new();

    /// <summary>When set, every journal entry is also appended to this file as one JSON line.</summary>
    public string? JournalFile { get; set; }

    /// <summary>
    /// The simulator's clock: token lifetimes, the authorization policy's visibility lag, injected latency and journal
    /// times. TimeProvider.System by default; tests pass the FakeTimeProvider the engine session also uses.
    /// </summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;
}
