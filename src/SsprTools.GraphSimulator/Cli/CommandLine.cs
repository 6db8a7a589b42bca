using System.Globalization;

namespace SsprTools.GraphSimulator.Cli;

/// <summary>Parsed command line of the simulator executable.</summary>
internal sealed record CommandLine(SimulatorOptions Options, string? ReadyFile, bool Help)
{
    public const string Usage = """
        Usage: dotnet SsprTools.GraphSimulator.dll [options]
          --scenario <name|path>   shipped scenario (seed, healthy, unregistered, nopremium, large, activity) or a JSON file (default: seed)
          --port <n>               port on 127.0.0.1; 0 = any free port (default: 0)
          --users <n>              users to generate (large scenario)
          --admins <n>             administrators to generate (large scenario)
          --audit-events <n>       Self-service Password Management audit events to generate over 30 days (large scenario)
          --seed <n>               seed for generated data and fault decisions (default: 1)
          --latency-ms <n>         delay added to every Graph request
          --throttle-rate <x>      fraction of Graph requests answered 429
          --retry-after <n>        Retry-After seconds on injected 429/503 (default: 1)
          --omit-retry-after       send injected 429 without Retry-After
          --server-error-rate <x>  fraction of Graph requests answered 503/504
          --drop-rate <x>          fraction of Graph requests whose connection is aborted
          --truncate-rate <x>      fraction of Graph requests answered with a JSON body cut off midway
          --patch-delay-ms <n>     after a PATCH, reads return the old value for this long
          --journal-file <path>    append every journal entry to this file as JSON lines
          --ready-file <path>      when listening, write {"baseUrl","tenantId","token","pid","identityEndpoint","identityHeader"} to this file
          --help                   show this text
        """;

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var options = new SimulatorOptions();
        string? readyFile = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            int Int() => int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture);
            double Rate()
            {
                var rate = double.Parse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture);
                return rate is >= 0 and <= 1 ? rate : throw new ArgumentException($"{name} must be between 0 and 1.");
            }

            switch (name.ToLowerInvariant())
            {
                case "--scenario": options.Scenario = Value(); break;
                case "--port": options.Port = Int(); break;
                case "--users": options.Users = Int(); break;
                case "--admins": options.Admins = Int(); break;
                case "--audit-events": options.AuditEvents = Int(); break;
                case "--seed": options.Seed = options.Faults.Seed = Int(); break;
                case "--latency-ms": options.Faults.LatencyMs = Int(); break;
                case "--throttle-rate": options.Faults.ThrottleRate = Rate(); break;
                case "--retry-after": options.Faults.RetryAfterSeconds = Int(); break;
                case "--omit-retry-after": options.Faults.OmitRetryAfter = true; break;
                case "--server-error-rate": options.Faults.ServerErrorRate = Rate(); break;
                case "--drop-rate": options.Faults.DropRate = Rate(); break;
                case "--truncate-rate": options.Faults.TruncateRate = Rate(); break;
                case "--patch-delay-ms": options.Faults.PatchVisibilityDelayMs = Int(); break;
                case "--journal-file": options.JournalFile = Value(); break;
                case "--ready-file": readyFile = Value(); break;
                case "--help" or "-h" or "-?": return new CommandLine(options, null, true);
                default: throw new ArgumentException($"Unknown option '{name}'.");
            }
        }
        return new CommandLine(options, readyFile, false);
    }
}
