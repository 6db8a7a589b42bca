using Microsoft.Graph.Models;
using SsprTools.Engine.Graph;

namespace SsprTools.Engine.Tests.Graph;

public class GraphReaderTests
{
    private static readonly GraphReader Reader = new(new Uri("https://graph.microsoft.com/v1.0/"));

    private static UserCollectionResponse Page(string? nextLink, params string[] ids) => new()
    {
        Value = ids.Select(id => new User { Id = id }).ToList(),
        OdataNextLink = nextLink,
    };

    [Fact]
    public async Task Follows_every_next_link_verbatim_and_keeps_items_in_order()
    {
        var asked = new List<string>();
        var pages = new Dictionary<string, UserCollectionResponse>
        {
            ["https://graph.microsoft.com/v1.0/users?$skiptoken=b"] = Page("https://graph.microsoft.com/v1.0/users?$skiptoken=c", "3", "4"),
            ["https://graph.microsoft.com/v1.0/users?$skiptoken=c"] = Page(null, "5"),
        };

        var users = await Reader.ListAsync(
            GraphOperation.ReadUsers,
            () => Task.FromResult<UserCollectionResponse?>(Page("https://graph.microsoft.com/v1.0/users?$skiptoken=b", "1", "2")),
            link => { asked.Add(link); return Task.FromResult<UserCollectionResponse?>(pages[link]); },
            page => page.Value);

        Assert.Equal(["1", "2", "3", "4", "5"], users.Select(u => u.Id));
        Assert.Equal(pages.Keys, asked);
    }

    [Fact]
    public async Task Keeps_only_the_projection_and_makes_it_before_the_next_page_is_asked_for()
    {
        var events = new List<string>();

        var kept = await Reader.ListAsync(
            GraphOperation.ReadUsers,
            () => Task.FromResult<UserCollectionResponse?>(Page("next", "1", "2")),
            _ => { events.Add("next page"); return Task.FromResult<UserCollectionResponse?>(Page(null, "3")); },
            page => page.Value,
            user => { events.Add("kept " + user.Id); return user.Id!.Length; });

        Assert.Equal([1, 1, 1], kept);
        // Page one's SDK objects are done with before page two arrives, so a whole tenant of them is never alive at once.
        Assert.Equal(["kept 1", "kept 2", "next page", "kept 3"], events);
    }

    [Fact]
    public async Task A_page_without_a_value_counts_as_empty()
    {
        var users = await Reader.ListAsync(
            GraphOperation.ReadUsers,
            () => Task.FromResult<UserCollectionResponse?>(new UserCollectionResponse()),
            _ => throw new InvalidOperationException("there is no next link"),
            page => page.Value);

        Assert.Empty(users);
    }
}
