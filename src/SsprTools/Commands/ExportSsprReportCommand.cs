using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System;
using SsprTools.Engine.Diagnosis;
using SsprTools.Engine.Errors;
using SsprTools.Engine.Reporting;
using SsprTools.Hosting;
using SsprTools.Input;
using SsprTools.Model;
using SsprTools.Engine.Policy;

namespace SsprTools.Commands;

/// <summary>
/// <para type="synopsis">Writes reset predictions to one self-contained HTML report: summary counts, the tenant's SSPR-for-administrators switch, and a sortable, filterable table of users with their findings.</para>
/// </summary>
[Cmdlet(VerbsData.Export, "SsprReport", SupportsShouldProcess = true, DefaultParameterSetName = PipelineSet)]
[OutputType(typeof(FileInfo))]
public sealed class ExportSsprReportCommand : SsprCmdlet
{
    private const string PipelineSet = "Pipeline";
    private const string AllAdminsSet = "AllAdmins";

    private readonly PipedPredictions _piped = new();
    private string _fullPath = "";
    private DiagnosisRun? _run;

    /// <summary>The report file. Relative paths and PowerShell drives resolve like Out-File's.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>Predictions from Test-SsprAdminReset, live or read back with Import-Clixml.</summary>
    [Parameter(ParameterSetName = PipelineSet, ValueFromPipeline = true)]
    [AllowNull]
    [AllowEmptyCollection]
    public PSObject?[]? InputObject { get; set; }

    /// <summary>Predicts every administrator now (as Test-SsprAdminReset -AllAdmins) and reports them.</summary>
    [Parameter(Mandatory = true, ParameterSetName = AllAdminsSet)]
    public SwitchParameter AllAdmins { get; set; }

    /// <summary>With -AllAdmins, also the PIM-eligible administrators.</summary>
    [Parameter(ParameterSetName = AllAdminsSet)]
    public SwitchParameter IncludeEligible { get; set; }

    /// <summary>With -AllAdmins: whether password writeback is on. Graph cannot read it.</summary>
    [Parameter(ParameterSetName = AllAdminsSet)]
    [ValidateSet("Enabled", "Disabled")]
    public string? PasswordWriteback { get; set; }

    /// <summary>With -AllAdmins: the user SSPR policy (None, Selected or All). Graph cannot read it.</summary>
    [Parameter(ParameterSetName = AllAdminsSet)]
    [ValidateSet("None", "Selected", "All")]
    public string? SsprUserPolicy { get; set; }

    /// <summary>With -AllAdmins: None states that no synchronized administrator is or was in an on-premises protected group (adminCount = 1). Graph cannot see it.</summary>
    [Parameter(ParameterSetName = AllAdminsSet)]
    [ValidateSet("None")]
    public string? OnPremisesProtectedAdmins { get; set; }

    /// <summary>The report's heading and browser title.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Title { get; set; }

    /// <summary>Outputs the report file.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Replaces a read-only report file (it stays read-only).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Refuses to replace an existing file.</summary>
    [Parameter]
    public SwitchParameter NoClobber { get; set; }

    protected override void BeginProcessing()
    {
        var pathError = ReportTarget.TryResolve(this, Path, NoClobber, Force, out _fullPath);
        if (pathError is not null)
        {
            ThrowTerminatingError(pathError);
        }

        if (ParameterSetName == AllAdminsSet)
        {
            _run = DiagnosisRun.Start(RequireSession(), DiagnosisOptionsFactory.From(PasswordWriteback, SsprUserPolicy, OnPremisesProtectedAdmins));
        }
    }

    protected override void ProcessRecord()
    {
        if (ParameterSetName != PipelineSet || (InputObject is null && !MyInvocation.ExpectingInput))
        {
            return;
        }

        foreach (var item in InputObject ?? new PSObject?[] { null })
        {
            var prediction = PredictionInput.Read(item);
            if (prediction is null)
            {
                var target = item?.BaseObject is PSCustomObject ? item : item?.BaseObject;
                WriteError(ErrorRecordFactory.InvalidArgument("ReportInputInvalid",
                    $"'{Describe(item)}' is not a reset prediction. Export-SsprReport takes the output of Test-SsprAdminReset, as it comes or read back with Import-Clixml.", target));
                continue;
            }

            if (!_piped.Add(prediction, readBack: !PredictionInput.IsLive(item)))
            {
                WriteWarning($"User '{prediction.UserPrincipalName}' was given more than once; the report shows the first prediction.");
            }
        }
    }

    protected override void EndProcessing()
    {
        // Asked before any Graph read: with -WhatIf nothing is read, predicted or written.
        if (!ShouldProcess(_fullPath, "Write SSPR report"))
        {
            return;
        }

        try
        {
            var predictions = ParameterSetName == AllAdminsSet ? PredictAdmins() : _piped.Predictions;
            var source = ParameterSetName == AllAdminsSet
                ? ReportSource.AllAdmins(IncludeEligible, PasswordWriteback, SsprUserPolicy, OnPremisesProtectedAdmins)
                : _piped.Source;
            var session = TryRequireSession();
            var adminPolicy = ReportAdminPolicy.Choose(_run?.AdminPolicy,
                session is null ? null : () => RunEngine((log, cancel) => AdminPolicyService.For(session).GetAsync(log, cancel)));
            if (adminPolicy.Warning is not null)
            {
                WriteWarning(adminPolicy.Warning);
            }

            var moduleVersion = MyInvocation.MyCommand.Module?.Version?.ToString() ?? typeof(ExportSsprReportCommand).Assembly.GetName().Version.ToString(3);
            var context = ReportContextBuilder.Build(Title, DateTimeOffset.UtcNow, moduleVersion, source, session?.Connection, adminPolicy);
            ReportFile.Write(_fullPath, Force, writer => HtmlReportWriter.Write(writer, context, predictions));
            WriteVerbose($"Wrote the SSPR report for {predictions.Count} user(s) to {_fullPath} ({new FileInfo(_fullPath).Length:N0} bytes).");
        }
        catch (SsprException e)
        {
            Terminate(e, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            ThrowTerminatingError(ErrorRecordFactory.Create(e, "ReportWriteFailed", ErrorCategory.WriteError, _fullPath));
        }

        if (PassThru)
        {
            WriteObject(new FileInfo(_fullPath));
        }
    }

    private IReadOnlyList<ResetPrediction> PredictAdmins()
    {
        var run = _run!;
        var predictions = RunEngine((log, cancel) => run.PredictAdminsAsync(IncludeEligible, log, cancel));
        CompleteProgress();
        return predictions;
    }

    private static string Describe(PSObject? item)
    {
        var text = item?.ToString() ?? "$null";
        return text.Length <= 80 ? text : text.Substring(0, 77) + "...";
    }
}
