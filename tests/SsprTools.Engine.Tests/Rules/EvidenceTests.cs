using SsprTools.Engine.Facts;

namespace SsprTools.Engine.Tests.Rules;

public class EvidenceTests
{
    [Fact]
    public void Graph_evidence_reads_method_path_and_utc_time()
    {
        var at = new DateTimeOffset(2026, 11, 25, 11, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal("GET /v1.0/policies/authorizationPolicy at 2026-11-25T10:00:00Z", Evidence.Graph("GET", "/v1.0/policies/authorizationPolicy", at).ToString());
    }

    [Fact]
    public void Parameter_evidence_names_the_parameter()
    {
        Assert.Equal("parameter -PasswordWriteback", Evidence.Parameter("-PasswordWriteback").ToString());
    }

    [Fact]
    public void Unreadable_fact_keeps_its_reason_and_evidence()
    {
        var fact = Fact.Unreadable<bool>("403 Authorization_RequestDenied", Evidence.Graph("GET", "/v1.0/policies/authorizationPolicy", DateTimeOffset.UnixEpoch));

        Assert.False(fact.IsReadable);
        Assert.False(fact.TryGetValue(out _));
        Assert.Equal("unreadable (403 Authorization_RequestDenied); GET /v1.0/policies/authorizationPolicy at 1970-01-01T00:00:00Z", fact.ToString());
    }

    [Fact]
    public void Not_collected_is_unreadable()
    {
        var fact = Fact.NotCollected<string>();

        Assert.False(fact.IsReadable);
        Assert.Equal("not collected", fact.UnreadableReason);
    }
}
