using SsprTools.Engine.Connection;

namespace SsprTools.Engine.Tests.Connection;

/// <summary>
/// The lifetime of a connection shared by commands in several runspaces: a command leases it, replacing or
/// disconnecting retires it, and it is disposed once, when the last lease is released, never under a command.
/// </summary>
public class LeasedResourceTests
{
    [Fact]
    public void A_retired_resource_without_leases_is_disposed_at_once()
    {
        var resource = new FakeResource();
        var leased = new LeasedResource<FakeResource>(resource);

        Assert.Equal(0, leased.Retire());

        Assert.Equal(1, resource.DisposeCount);
    }

    [Fact]
    public void A_retired_resource_stays_usable_until_its_last_lease_is_released()
    {
        var resource = new FakeResource();
        var leased = new LeasedResource<FakeResource>(resource);
        var first = leased.TryAcquire()!;
        var second = leased.TryAcquire()!;

        Assert.Equal(2, leased.Retire());
        first.Value.Use();
        first.Dispose();
        second.Value.Use();
        Assert.Equal(0, resource.DisposeCount);

        second.Dispose();

        Assert.Equal(1, resource.DisposeCount);
        Assert.True(leased.IsDisposed);
    }

    [Fact]
    public void Releasing_a_lease_twice_counts_once()
    {
        var resource = new FakeResource();
        var leased = new LeasedResource<FakeResource>(resource);
        var first = leased.TryAcquire()!;
        var second = leased.TryAcquire()!;
        leased.Retire();

        first.Dispose();
        first.Dispose();

        Assert.Equal(0, resource.DisposeCount);
        Assert.Equal(1, leased.Leases);
        second.Dispose();
        Assert.Equal(1, resource.DisposeCount);
    }

    [Fact]
    public void A_retired_resource_grants_no_new_lease_and_retiring_again_disposes_nothing_more()
    {
        var resource = new FakeResource();
        var leased = new LeasedResource<FakeResource>(resource);
        leased.Retire();

        Assert.Null(leased.TryAcquire());
        leased.Retire();
        Assert.Equal(1, resource.DisposeCount);
    }

    [Fact]
    public void Replacing_the_current_resource_leaves_commands_on_the_old_one_until_they_end()
    {
        var slot = new LeaseSlot<FakeResource>();
        var old = new FakeResource();
        slot.Replace(old);
        var running = slot.TryAcquire()!;

        var stillInUse = slot.Replace(new FakeResource());

        Assert.Equal(1, stillInUse);
        Assert.Equal(1, slot.RetiredStillOpen);
        Assert.Same(old, running.Value);
        running.Value.Use();
        Assert.NotSame(old, slot.TryAcquire()!.Value);
        running.Dispose();
        Assert.Equal(1, old.DisposeCount);
        Assert.Equal(0, slot.RetiredStillOpen);
    }

    [Fact]
    public void Clearing_retires_the_current_resource_and_later_commands_get_none()
    {
        var slot = new LeaseSlot<FakeResource>();
        var resource = new FakeResource();
        slot.Replace(resource);
        var running = slot.TryAcquire()!;

        Assert.True(slot.Clear(out var stillInUse));

        Assert.Equal(1, stillInUse);
        Assert.Null(slot.TryAcquire());
        Assert.Null(slot.Peek());
        running.Value.Use();
        running.Dispose();
        Assert.Equal(1, resource.DisposeCount);
        Assert.False(slot.Clear(out _));
    }

    [Fact]
    public async Task Concurrent_commands_and_reconnects_never_use_a_disposed_resource_and_each_is_disposed_exactly_once()
    {
        var slot = new LeaseSlot<FakeResource>();
        var all = new System.Collections.Concurrent.ConcurrentBag<FakeResource>();
        FakeResource Fresh()
        {
            var resource = new FakeResource();
            all.Add(resource);
            return resource;
        }

        slot.Replace(Fresh());
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var uses = 0;
        var commands = Enumerable.Range(0, 6).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var lease = slot.TryAcquire();
                if (lease is null)
                {
                    continue;
                }

                // A command's work: several uses, each must find the resource alive.
                for (var i = 0; i < 20; i++)
                {
                    lease.Value.Use();
                    Interlocked.Increment(ref uses);
                }
            }
        })).ToList();
        var reconnects = Enumerable.Range(0, 2).Select(worker => Task.Run(() =>
        {
            var turn = 0;
            while (!stop.IsCancellationRequested)
            {
                if (worker == 1 && ++turn % 5 == 0)
                {
                    slot.Clear(out _);
                }
                else
                {
                    slot.Replace(Fresh());
                }
            }
        })).ToList();

        await Task.WhenAll(commands.Concat(reconnects));
        slot.Clear(out _);

        Assert.True(uses > 1000, $"only {uses} uses: the test did not exercise the race");
        Assert.True(all.Count > 100, $"only {all.Count} reconnects");
        Assert.All(all, resource => Assert.Equal(0, resource.UsesAfterDispose));
        Assert.All(all, resource => Assert.Equal(1, resource.DisposeCount));
        Assert.Equal(0, slot.RetiredStillOpen);
    }

    /// <summary>Counts disposals and uses after disposal (what "Cannot access a disposed object: HttpClient" was).</summary>
    private sealed class FakeResource : IDisposable
    {
        private int _disposeCount;
        private int _usesAfterDispose;

        public int DisposeCount => Volatile.Read(ref _disposeCount);

        public int UsesAfterDispose => Volatile.Read(ref _usesAfterDispose);

        public void Use()
        {
            if (DisposeCount > 0)
            {
                Interlocked.Increment(ref _usesAfterDispose);
            }
        }

        public void Dispose() => Interlocked.Increment(ref _disposeCount);
    }
}
