using System;
using System.Threading;

namespace SsprTools.Engine.Connection;

/// <summary>
/// The current resource of the process (the connection Connect-SsprGraph made) and the retired ones still in use.
/// Replacing or clearing only retires the old resource (<see cref="LeasedResource{T}.Retire"/>); the commands that
/// hold a lease on it finish with it, and it is disposed when the last one ends.
/// </summary>
public sealed class LeaseSlot<T>
    where T : class, IDisposable
{
    private readonly object _gate = new();
    private LeasedResource<T>? _current;
    private int _retiredOpen;

    /// <summary>Retired resources not yet disposed, because a command still holds a lease on them.</summary>
    public int RetiredStillOpen => Volatile.Read(ref _retiredOpen);

    /// <summary>The current resource without a lease: only for reading what never changes (what the connection is).</summary>
    public T? Peek()
    {
        lock (_gate)
        {
            return _current?.Value;
        }
    }

    /// <summary>A lease on the current resource, or null when there is none.</summary>
    public LeasedResource<T>.Lease? TryAcquire()
    {
        lock (_gate)
        {
            // The current resource is retired only after it has left the slot, so this lease is always granted.
            return _current?.TryAcquire();
        }
    }

    /// <summary>Makes <paramref name="value"/> current and retires the previous one; returns the leases still held on
    /// the previous one (0: it is disposed already, or there was none).</summary>
    public int Replace(T value) => Swap(new LeasedResource<T>(value, OnRetiredDisposed));

    /// <summary>Retires the current resource; false when there was none. <paramref name="stillInUse"/>: its leases still held.</summary>
    public bool Clear(out int stillInUse)
    {
        LeasedResource<T>? previous;
        lock (_gate)
        {
            previous = _current;
            _current = null;
        }

        stillInUse = Retire(previous);
        return previous is not null;
    }

    private int Swap(LeasedResource<T>? next)
    {
        LeasedResource<T>? previous;
        lock (_gate)
        {
            previous = _current;
            _current = next;
        }

        return Retire(previous);
    }

    private int Retire(LeasedResource<T>? previous)
    {
        if (previous is null)
        {
            return 0;
        }

        // Counted before Retire, which may dispose at once and call OnRetiredDisposed.
        Interlocked.Increment(ref _retiredOpen);
        return previous.Retire();
    }

    // Only retired resources are ever disposed.
    private void OnRetiredDisposed() => Interlocked.Decrement(ref _retiredOpen);
}
