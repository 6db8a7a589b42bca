using System.Collections;
using System.IO;
using System.Management.Automation;
using System;
using SsprTools.Hosting;

namespace SsprTools.Commands;

/// <summary>
/// <para type="synopsis">Runs the module's bundled Pester checks (SSPR for administrators on, every administrator can reset, ...) against the connected tenant and returns Pester's result.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "SsprAcceptance", DefaultParameterSetName = ConsoleSet)]
[OutputType("Pester.Run")]
public sealed class InvokeSsprAcceptanceCommand : SsprCmdlet
{
    private const string ConsoleSet = "Console";
    private const string TestResultSet = "TestResult";

    /// <summary>The bundled checks, relative to the module folder (the build copies module/* there).</summary>
    private const string ChecksFile = "Acceptance/SsprTools.Acceptance.Tests.ps1";

    /// <summary>The PowerShell that configures and invokes Pester on the checks, beside them.</summary>
    private const string RunFile = "Acceptance/SsprTools.Acceptance.Run.ps1";

    /// <summary>Only the checks with one of these tags: SsprTools, AdminSwitch, AdminReset, AdminMethods, Writeback, Licence, Eligible, Activity.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Tag { get; set; }

    /// <summary>Leaves out the checks with one of these tags.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? ExcludeTag { get; set; }

    /// <summary>Writes a test result file here for a pipeline to publish; relative paths are resolved from the current location.</summary>
    [Parameter(Mandatory = true, ParameterSetName = TestResultSet)]
    [ValidateNotNullOrEmpty]
    public string OutputPath { get; set; } = "";

    /// <summary>The format of the file at -OutputPath, as Pester's TestResult.OutputFormat accepts it.</summary>
    [Parameter(ParameterSetName = TestResultSet)]
    [ValidateSet("NUnitXml", "NUnit2.5", "NUnit3", "JUnitXml")]
    public string OutputFormat { get; set; } = "NUnitXml";

    /// <summary>Pester's console output (Output.Verbosity).</summary>
    [Parameter]
    [ValidateSet("None", "Normal", "Detailed", "Diagnostic")]
    public string Output { get; set; } = "Normal";

    /// <summary>Also checks administrators who are only PIM-eligible for a role.</summary>
    [Parameter]
    public SwitchParameter IncludeEligible { get; set; }

    /// <summary>Whether password writeback is on; Graph cannot read it. Unstated, the writeback checks are inconclusive.</summary>
    [Parameter]
    [ValidateSet("Enabled", "Disabled")]
    public string? PasswordWriteback { get; set; }

    /// <summary>The user SSPR policy (None, Selected, All); Graph cannot read it.</summary>
    [Parameter]
    [ValidateSet("None", "Selected", "All")]
    public string? SsprUserPolicy { get; set; }

    /// <summary>None: no synchronized administrator is or was in an on-premises protected group (adminCount = 1); Graph cannot see it. Unstated, synchronized administrators' writeback checks are inconclusive.</summary>
    [Parameter]
    [ValidateSet("None")]
    public string? OnPremisesProtectedAdmins { get; set; }

    /// <summary>How many days back the Activity check reads the audit log (1 to 30; 7 when not given).</summary>
    [Parameter]
    [ValidateRange(1, 30)]
    public int? ActivityDays { get; set; }

    protected override void EndProcessing()
    {
        var pester = PesterModule.Load(this);
        RequireSession();
        var checks = Path.Combine(MyInvocation.MyCommand.Module.ModuleBase, ChecksFile);
        var run = LoadRunScript(Path.Combine(MyInvocation.MyCommand.Module.ModuleBase, RunFile));
        var report = ReportPath();
        WriteVerbose($"Running {checks} with Pester {pester.Version}" + (report is null ? "." : $"; {OutputFormat} report at {report}."));
        try
        {
            var results = InvokeCommand.InvokeScript(false, run, null,
                pester, checks, CheckData(), Tag, ExcludeTag, Output, OutputFormat, report);
            WriteObject(results, enumerateCollection: true);
        }
        catch (RuntimeException e) when (e is not PipelineStoppedException)
        {
            ThrowTerminatingError(new ErrorRecord(e, "AcceptanceRunFailed", ErrorCategory.InvalidOperation, checks));
        }
    }

    /// <summary>The run script as a script block, created from its text as the inline script it replaced was, so it
    /// runs in the caller's session state. A module folder missing it stops the cmdlet with AcceptanceRunFailed.</summary>
    private ScriptBlock LoadRunScript(string path)
    {
        try
        {
            return ScriptBlock.Create(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(ErrorRecordFactory.Create(e, "AcceptanceRunFailed", ErrorCategory.ResourceUnavailable, path));
            throw;
        }
    }

    /// <summary>The checks' param() block: only what the caller stated, so the file's own defaults hold otherwise.</summary>
    private Hashtable CheckData()
    {
        var data = new Hashtable(StringComparer.OrdinalIgnoreCase);
        if (IncludeEligible)
        {
            data["IncludeEligible"] = true;
        }

        if (PasswordWriteback is not null)
        {
            data["PasswordWriteback"] = PasswordWriteback;
        }

        if (SsprUserPolicy is not null)
        {
            data["SsprUserPolicy"] = SsprUserPolicy;
        }

        if (OnPremisesProtectedAdmins is not null)
        {
            data["OnPremisesProtectedAdmins"] = OnPremisesProtectedAdmins;
        }

        if (ActivityDays is not null)
        {
            data["ActivityDays"] = ActivityDays.Value;
        }

        return data;
    }

    /// <summary>The full path of -OutputPath, its folder created, so a pipeline can name a fresh results folder.</summary>
    private string? ReportPath()
    {
        if (ParameterSetName != TestResultSet)
        {
            return null;
        }

        var full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutputPath);
        var folder = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        return full;
    }
}
