using SsprTools.Engine.Reporting;

namespace SsprTools.Engine.Tests.Reporting;

public class ReportSourceTests
{
    [Fact]
    public void AllAdmins_without_stated_facts_names_only_the_command()
    {
        Assert.Equal("Test-SsprAdminReset -AllAdmins, run by Export-SsprReport", ReportSource.AllAdmins(false, null, null, null));
    }

    [Fact]
    public void AllAdmins_repeats_every_stated_fact_in_parameter_order()
    {
        Assert.Equal(
            "Test-SsprAdminReset -AllAdmins -IncludeEligible -PasswordWriteback Disabled -SsprUserPolicy Selected -OnPremisesProtectedAdmins None, run by Export-SsprReport",
            ReportSource.AllAdmins(true, "Disabled", "Selected", "None"));
    }

    [Theory]
    [InlineData(true, null, null, null, " -IncludeEligible,")]
    [InlineData(false, "Enabled", null, null, " -PasswordWriteback Enabled,")]
    [InlineData(false, null, "All", null, " -SsprUserPolicy All,")]
    [InlineData(false, null, null, "None", " -OnPremisesProtectedAdmins None,")]
    public void AllAdmins_adds_one_stated_fact_alone(bool includeEligible, string? writeback, string? userPolicy, string? protectedAdmins, string expected)
    {
        var source = ReportSource.AllAdmins(includeEligible, writeback, userPolicy, protectedAdmins);

        Assert.Equal("Test-SsprAdminReset -AllAdmins" + expected + " run by Export-SsprReport", source);
    }

    [Theory]
    [InlineData(0, 0, "no predictions from the pipeline")]
    [InlineData(1, 0, "1 prediction from the pipeline")]
    [InlineData(4, 0, "4 predictions from the pipeline")]
    [InlineData(1, 1, "1 prediction from the pipeline (1 read back from saved output, such as Import-Clixml)")]
    [InlineData(5, 2, "5 predictions from the pipeline (2 read back from saved output, such as Import-Clixml)")]
    public void Pipeline_counts_predictions_and_says_how_many_were_read_back(int count, int readBack, string expected)
    {
        Assert.Equal(expected, ReportSource.Pipeline(count, readBack));
    }
}
