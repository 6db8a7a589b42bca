using System.Collections.Generic;
using System.Threading.Tasks;
using System.Threading;
using System;
using Microsoft.Graph.Models;
using SsprTools.Engine.Logging;
using SsprTools.Engine.Errors;
using SsprTools.Engine.Facts;
using SsprTools.Engine.Logging;

namespace SsprTools.Engine.Graph;

/// <summary>
/// Reads through the Graph SDK with one error vocabulary: single calls, every page of a collection
/// (following @odata.nextLink verbatim, paging.md), and reads that become facts, unreadable rather
/// than fatal when Graph says no to that one read.
/// </summary>
internal sealed class GraphReader
{
    private readonly Uri _serviceRoot;
    private readonly TimeProvider _clock;

    public GraphReader(Uri serviceRoot, TimeProvider? clock = null)
    {
        _serviceRoot = serviceRoot;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>Now, on the session's clock: when a fact was read.</summary>
    public DateTimeOffset Now => _clock.GetUtcNow();

    // A body cut off in transit parses as broken JSON; a read can simply be asked again.
    private const int MalformedRetries = 2;

    public async Task<T> GetAsync<T>(GraphOperation operation, Func<Task<T>> call)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (System.Text.Json.JsonException) when (attempt < MalformedRetries)
            {
                AmbientLog.Current.Verbose($"Graph's answer to the request to {operation.Description} was not complete JSON; asking again.");
            }
            catch (Exception e)
            {
                throw GraphErrorTranslator.Translate(e, operation, _serviceRoot);
            }
        }
    }

    public Task<List<TItem>> ListAsync<TPage, TItem>(
        GraphOperation operation,
        Func<Task<TPage?>> firstPage,
        Func<string, Task<TPage?>> nextPage,
        Func<TPage, List<TItem>?> items)
        where TPage : BaseCollectionPaginationCountResponse =>
        ListAsync(operation, firstPage, nextPage, items, item => item);

    /// <summary>
    /// Reads every page, keeping of each item only what <paramref name="keep"/> makes of it. The SDK's objects
    /// (a backing store each) then die with their page instead of outliving a 10,000-user read.
    /// </summary>
    public async Task<List<TKept>> ListAsync<TPage, TItem, TKept>(
        GraphOperation operation,
        Func<Task<TPage?>> firstPage,
        Func<string, Task<TPage?>> nextPage,
        Func<TPage, List<TItem>?> items,
        Func<TItem, TKept> keep)
        where TPage : BaseCollectionPaginationCountResponse
    {
        var all = new List<TKept>();
        var page = await GetAsync(operation, firstPage).ConfigureAwait(false);
        for (var number = 1; page is not null; number++)
        {
            foreach (var item in items(page) ?? new List<TItem>())
            {
                all.Add(keep(item));
            }

            AmbientLog.Current.Progress(new ProgressUpdate("Reading the tenant", $"{Capitalized(operation.Description)}: page {number}, {all.Count} so far"));
            var link = page.OdataNextLink;
            page = null; // let the finished page go while the next one is read
            page = string.IsNullOrEmpty(link) ? null : await GetAsync(operation, () => nextPage(link!)).ConfigureAwait(false);
        }

        AmbientLog.Current.Verbose($"{Capitalized(operation.Description)}: {all.Count} item(s).");
        return all;
    }

    /// <summary>
    /// A read whose failure for lack of permission or licence leaves that fact unknown instead of
    /// stopping the run. Sign-in, network and throttling failures still stop it: they would make
    /// every other read fail too.
    /// </summary>
    public Task<Fact<T>> FactAsync<T>(GraphOperation operation, Func<Task<T>> read) => FactAsync(operation, read, null);

    /// <param name="unreadable">Told the translated error behind an unreadable fact, with its real kind and ErrorId,
    /// for a caller that cannot go on without the fact.</param>
    public async Task<Fact<T>> FactAsync<T>(GraphOperation operation, Func<Task<T>> read, Action<SsprException>? unreadable)
    {
        var evidence = Evidence.Graph(operation.Method, "/" + GraphClientBuilder.ApiVersion + operation.Path, Now);
        try
        {
            return Fact.Read(await GetAsync(operation, read).ConfigureAwait(false), evidence);
        }
        catch (SsprException e) when (IsReadSpecific(e))
        {
            AmbientLog.Current.Verbose($"Could not {operation.Description}: {e.Message}");
            unreadable?.Invoke(e);
            return Fact.Unreadable<T>(Reason(e), evidence);
        }
    }

    public static bool IsReadSpecific(SsprException e) =>
        e.Kind is SsprErrorKind.PermissionDenied or SsprErrorKind.LicenseRequired or SsprErrorKind.NotFound or SsprErrorKind.GraphError;

    public static string Reason(SsprException e) =>
        e.GraphStatus is { } status ? $"{status} {e.GraphErrorCode}: {e.Message}".Replace("  ", " ") : e.Message;

    private static string Capitalized(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
}
