using System;
using System.Threading;
using System.Threading.Tasks;

namespace SsprTools.Engine.Logging;

/// <summary>
/// Runs engine work on the thread pool while the calling (pipeline) thread relays what it reports, in order.
/// When relaying throws (-WarningAction Stop makes WriteWarning throw; a stopped pipeline makes every Write* throw),
/// the work is cancelled and awaited before the exception goes on: a command that has ended must not keep
/// reading Graph, nor use a connection whose lease it is about to release.
/// </summary>
public static class RelayedRun
{
    public static T Run<T>(Func<IActivityLog, CancellationToken, Task<T>> work, Action<ActivityEntry> relay, CancellationToken stopping)
    {
        using var queue = new ActivityQueue();
        using var call = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var task = Task.Run(() => work(queue, call.Token));
        task.ContinueWith(_ => queue.Complete(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            foreach (var entry in queue.Consume())
            {
                relay(entry);
            }
        }
        catch
        {
            call.Cancel();
            WaitQuietly(task);
            throw;
        }

        return task.GetAwaiter().GetResult();
    }

    /// <summary>As <see cref="Run{T}"/> for work that hands out results as it goes: each reaches <paramref name="relay"/> as an
    /// <see cref="ActivityKind.Output"/> entry, so the pipeline sees it before the work has ended.</summary>
    public static void Stream<T>(Func<IActivityLog, Action<T>, CancellationToken, Task> work, Action<ActivityEntry> relay, CancellationToken stopping) =>
        Run(
            async (log, cancel) =>
            {
                var queue = (ActivityQueue)log;
                await work(log, item => queue.Output(item!), cancel).ConfigureAwait(false);
                return true;
            },
            relay,
            stopping);

    // The work's own outcome (cancelled, or a failure it met meanwhile) is moot: the relay's exception is what the caller gets.
    private static void WaitQuietly(Task task)
    {
        try
        {
            task.GetAwaiter().GetResult();
        }
        catch
        {
        }
    }
}
