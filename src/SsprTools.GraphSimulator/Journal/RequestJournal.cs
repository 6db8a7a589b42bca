using System.Text.Json;

namespace SsprTools.GraphSimulator;

/// <summary>Thread-safe record of every Graph request (admin API calls are not recorded).</summary>
public sealed class RequestJournal
{
    private readonly object _gate = new();
    private readonly List<JournalEntry> _entries = new();
    private readonly string? _file;
    private long _sequence;

    internal RequestJournal(string? journalFile) => _file = journalFile;

    /// <summary>A snapshot of the entries in completion order.</summary>
    public IReadOnlyList<JournalEntry> Entries
    {
        get { lock (_gate) return _entries.ToArray(); }
    }

    public int Count
    {
        get { lock (_gate) return _entries.Count; }
    }

    /// <summary>Number of non-GET Graph requests, $batch steps included.</summary>
    public int Writes
    {
        get { lock (_gate) return _entries.Count(e => e.IsWrite && !IsBatchEnvelope(e)); }
    }

    public void Clear()
    {
        lock (_gate) _entries.Clear();
    }

    /// <summary>Sequence numbers keep counting across Clear() so fault decisions never repeat.</summary>
    internal long NextSequence() => Interlocked.Increment(ref _sequence);

    internal void Add(JournalEntry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
            if (_file is not null)
                File.AppendAllText(_file, JsonSerializer.Serialize(entry, SimulatorJson.Options) + "\n");
        }
    }

    // POST /$batch itself is a read or write only through its steps, which are journaled separately.
    private static bool IsBatchEnvelope(JournalEntry e) => e.Path.EndsWith("/$batch", StringComparison.OrdinalIgnoreCase);
}
