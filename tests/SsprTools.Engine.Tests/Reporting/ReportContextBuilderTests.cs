using SsprTools.Engine.Reporting;
using SsprTools.Model;
using static SsprTools.Engine.Tests.Reporting.ReportSamples;

namespace SsprTools.Engine.Tests.Reporting;

public class ReportContextBuilderTests
{
    private static readonly SsprConnection Connected = new()
    {
        TenantId = "84841066-274d-4ec0-a5c1-276be684bdd3",
        Account = "admin@contoso.com",
        AuthType = "AccessToken",
        Environment = "Global",
        GraphEndpoint = "https://graph.microsoft.com",
    };

    [Fact]
    public void Carries_what_the_cmdlet_gathered()
    {
        var policy = Switch(on: true);

        var context = ReportContextBuilder.Build("Quarterly check", GeneratedAt, "1.2.3", "2 predictions from the pipeline", Connected,
            ReportAdminPolicy.Choose(policy, null));

        Assert.Equal("Quarterly check", context.Title);
        Assert.Equal(GeneratedAt, context.GeneratedAt);
        Assert.Equal("1.2.3", context.ModuleVersion);
        Assert.Equal("2 predictions from the pipeline", context.Source);
        Assert.Same(policy, context.AdminPolicy);
        Assert.Null(context.AdminPolicyNote);
        Assert.NotNull(context.Connection);
        Assert.Equal(Connected.TenantId, context.Connection.TenantId);
        Assert.Equal(Connected.Account, context.Connection.Account);
        Assert.Equal(Connected.GraphEndpoint, context.Connection.GraphEndpoint);
    }

    [Fact]
    public void Without_a_title_or_connection_uses_the_default_title_and_says_why_the_switch_is_missing()
    {
        var context = ReportContextBuilder.Build(null, GeneratedAt, "1.2.3", "no predictions from the pipeline", null,
            ReportAdminPolicy.Choose(null, null));

        Assert.Equal(ReportContext.DefaultTitle, context.Title);
        Assert.Null(context.Connection);
        Assert.Null(context.AdminPolicy);
        Assert.Equal("not connected", context.AdminPolicyNote);
    }
}
