using System;
using System.Threading;

namespace SsprTools.Engine.Connection;

/// <summary>
/// A resource that commands in several runspaces use at once (the Graph connection). Each command holds a
/// <see cref="Lease"/> while it works. <see cref="Retire"/> (the resource was replaced or disconnected) refuses new
/// leases and disposes the resource once the last lease is released, exactly once, so no command ever sees it disposed.
/// </summary>
public sealed class LeasedResource<T>
    where T : class, IDisposable
{
    private readonly object _gate = new();
    private readonly Action? _disposed;
    private int _leases;
    private bool _retired;
    private bool _isDisposed;

    /// <param name="value">The resource; this object owns it from now on.</param>
    /// <param name="disposed">Called once, right after the resource has been disposed.</param>
    public LeasedResource(T value, Action? disposed = null)
    {
        Value = value ?? throw new ArgumentNullException(nameof(value));
        _disposed = disposed;
    }

    public T Value { get; }

    /// <summary>Leases held now.</summary>
    public int Leases
    {
        get
        {
            lock (_gate)
            {
                return _leases;
            }
        }
    }

    public bool IsDisposed
    {
        get
        {
            lock (_gate)
            {
                return _isDisposed;
            }
        }
    }

    /// <summary>A lease on the resource, or null once it is retired.</summary>
    public Lease? TryAcquire()
    {
        lock (_gate)
        {
            if (_retired)
            {
                return null;
            }

            _leases++;
            return new Lease(this);
        }
    }

    /// <summary>Takes no more leases; disposes the resource now when none is held, else when the last is released.
    /// Returns the leases still held. Retiring twice is harmless.</summary>
    public int Retire()
    {
        int held;
        bool disposeNow;
        lock (_gate)
        {
            _retired = true;
            held = _leases;
            disposeNow = ClaimDisposal();
        }

        if (disposeNow)
        {
            DisposeValue();
        }

        return held;
    }

    private void Release()
    {
        bool disposeNow;
        lock (_gate)
        {
            _leases--;
            disposeNow = ClaimDisposal();
        }

        if (disposeNow)
        {
            DisposeValue();
        }
    }

    // Under the gate: true for exactly one caller, the one that must dispose.
    private bool ClaimDisposal()
    {
        if (!_retired || _leases > 0 || _isDisposed)
        {
            return false;
        }

        _isDisposed = true;
        return true;
    }

    // Outside the gate: disposing may take time (closing connections) and must not block acquiring elsewhere.
    private void DisposeValue()
    {
        try
        {
            Value.Dispose();
        }
        finally
        {
            _disposed?.Invoke();
        }
    }

    /// <summary>One holder's claim on the resource; disposing it releases the claim (once, however often it is disposed).</summary>
    public sealed class Lease : IDisposable
    {
        private readonly LeasedResource<T> _owner;
        private int _released;

        internal Lease(LeasedResource<T> owner) => _owner = owner;

        public T Value => _owner.Value;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                _owner.Release();
            }
        }
    }
}
