using SsprTools.Engine.Connection;
using SsprTools.Engine.Errors;
using SsprTools.Engine.Graph;

namespace SsprTools.Engine.Tests.Graph;

public class GraphEndpointRuleTests
{
    [Theory]
    [InlineData("http://graph.contoso.example")]
    [InlineData("http://10.0.0.5:8080")]
    [InlineData("http://192.168.1.10")]
    public void Plain_http_to_another_host_is_refused(string endpoint)
    {
        var error = Assert.Throws<SsprException>(() => GraphEndpointRule.Normalize(new Uri(endpoint)));
        Assert.Equal("GraphEndpointInsecure", error.ErrorId);
        Assert.Equal(SsprErrorKind.InvalidArgument, error.Kind);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000/")]
    [InlineData("http://localhost:5000/", "http://localhost:5000/")]
    [InlineData("http://[::1]:5000", "http://[::1]:5000/")]
    [InlineData("https://graph.microsoft.com", "https://graph.microsoft.com/")]
    [InlineData("https://graph.microsoft.com/v1.0", "https://graph.microsoft.com/")]
    [InlineData("https://graph.microsoft.us/beta/", "https://graph.microsoft.us/")]
    public void Https_and_loopback_http_are_accepted_as_service_roots(string endpoint, string expected)
    {
        Assert.Equal(expected, GraphEndpointRule.Normalize(new Uri(endpoint)).ToString());
    }

    [Theory]
    [InlineData("ftp://graph.microsoft.com")]
    [InlineData("file:///etc/passwd")]
    public void Other_schemes_are_invalid(string endpoint)
    {
        var error = Assert.Throws<SsprException>(() => GraphEndpointRule.Normalize(new Uri(endpoint)));
        Assert.Equal("GraphEndpointInvalid", error.ErrorId);
    }

    [Theory]
    [InlineData("https://graph.microsoft.com/users")]
    [InlineData("https://graph.microsoft.com/v1.0/users")]
    [InlineData("https://graph.microsoft.com/?$select=id")]
    [InlineData("https://graph.microsoft.com/#top")]
    [InlineData("http://127.0.0.1:5000/_simulator")]
    public void A_path_query_or_fragment_is_not_a_service_root(string endpoint)
    {
        var error = Assert.Throws<SsprException>(() => GraphEndpointRule.Normalize(new Uri(endpoint)));
        Assert.Equal("GraphEndpointInvalid", error.ErrorId);
        Assert.Equal(SsprErrorKind.InvalidArgument, error.Kind);
    }

    [Fact]
    public void A_user_info_part_is_refused_and_its_password_never_shown()
    {
        var error = Assert.Throws<SsprException>(() => GraphEndpointRule.Normalize(new Uri("https://user:s3cretpw@graph.microsoft.com")));
        Assert.Equal("GraphEndpointInvalid", error.ErrorId);
        Assert.DoesNotContain("s3cretpw", error.Message);
        Assert.DoesNotContain("s3cretpw", GraphEndpointRule.Redact(new Uri("https://user:s3cretpw@graph.microsoft.com")));
        Assert.Contains("graph.microsoft.com", error.Message);
    }

    [Fact]
    public void Each_cloud_has_its_documented_graph_and_sign_in_hosts()
    {
        Assert.Equal("https://graph.microsoft.us/", GraphCloud.FromName("USGov").GraphRoot.ToString());
        Assert.Equal("https://dod-graph.microsoft.us/", GraphCloud.FromName("usgovdod").GraphRoot.ToString());
        Assert.Equal("https://login.microsoftonline.us/", GraphCloud.FromName("USGovDoD").AuthorityHost.ToString());
        Assert.Equal("https://microsoftgraph.chinacloudapi.cn/", GraphCloud.FromName("China").GraphRoot.ToString());
        Assert.Equal("https://login.chinacloudapi.cn/", GraphCloud.FromName("China").AuthorityHost.ToString());
        Assert.Equal("https://graph.microsoft.com/", GraphCloud.FromName("Global").GraphRoot.ToString());
    }
}
