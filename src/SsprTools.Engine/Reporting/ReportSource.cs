namespace SsprTools.Engine.Reporting;

/// <summary>The report's "source" sentence (<see cref="ReportContext.Source"/>): how the predictions it shows were made.</summary>
public static class ReportSource
{
    /// <summary>Export-SsprReport -AllAdmins predicted them itself: the equivalent Test-SsprAdminReset command line, with
    /// only the facts the caller stated, as given.</summary>
    public static string AllAdmins(bool includeEligible, string? passwordWriteback, string? ssprUserPolicy, string? onPremisesProtectedAdmins) =>
        "Test-SsprAdminReset -AllAdmins"
        + (includeEligible ? " -IncludeEligible" : "")
        + (passwordWriteback is null ? "" : " -PasswordWriteback " + passwordWriteback)
        + (ssprUserPolicy is null ? "" : " -SsprUserPolicy " + ssprUserPolicy)
        + (onPremisesProtectedAdmins is null ? "" : " -OnPremisesProtectedAdmins " + onPremisesProtectedAdmins)
        + ", run by Export-SsprReport";

    /// <summary>Predictions came from the pipeline; <paramref name="readBack"/> of them were saved output (Import-Clixml),
    /// which a reader should know may be older than the report.</summary>
    public static string Pipeline(int count, int readBack)
    {
        var predictions = count == 1 ? "1 prediction" : $"{count} predictions";
        return count == 0 ? "no predictions from the pipeline"
            : readBack == 0 ? $"{predictions} from the pipeline"
            : $"{predictions} from the pipeline ({readBack} read back from saved output, such as Import-Clixml)";
    }
}
