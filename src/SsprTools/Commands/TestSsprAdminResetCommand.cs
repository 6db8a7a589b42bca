using System.Collections.Generic;
using System.Management.Automation;
using System;
using SsprTools.Completion;
using SsprTools.Engine.Diagnosis;
using SsprTools.Engine.Errors;
using SsprTools.Hosting;
using SsprTools.Input;
using SsprTools.Model;

namespace SsprTools.Commands;

/// <summary>
/// <para type="synopsis">Predicts whether each user's own self-service password reset will work, which SSPR error they would see, and why.</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "SsprAdminReset", DefaultParameterSetName = UserSet)]
[OutputType(typeof(ResetPrediction))]
public sealed class TestSsprAdminResetCommand : SsprCmdlet
{
    private const string UserSet = "User";
    private const string AllAdminsSet = "AllAdmins";

    // Inputs are predicted in chunks: tenant-wide facts are read once, per-user lookups are batched,
    // and results stream out while the pipeline is still feeding more users.
    private const int ChunkSize = 200;

    private readonly List<(UserReference Reference, object Source)> _pending = new();
    private readonly HashSet<UserReference> _seen = new();
    private readonly HashSet<UserReference> _warnedTwice = new();
    private readonly Dictionary<UserReference, int?> _adminCounts = new();
    private bool _adminCountTyped;
    private DiagnosisRun? _run;

    /// <summary>Object id or user principal name. Binds from pipeline strings and from the Id, ObjectId, ExternalDirectoryObjectId or UserPrincipalName property of Get-MgUser, Get-MsolUser and Exchange objects.</summary>
    [Parameter(Position = 0, ParameterSetName = UserSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ObjectId", "ExternalDirectoryObjectId", "Id", "UserPrincipalName")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    [ArgumentCompleter(typeof(UserIdCompleter))]
    public UserIdParameter?[]? UserId { get; set; }

    /// <summary>The piped object itself, so an error about it names the object (its TargetObject), not a property value.
    /// Hidden, in the same parameter set as -UserId: PowerShell's binder then binds a piped item to both parameters.</summary>
    [Parameter(ParameterSetName = UserSet, ValueFromPipeline = true, DontShow = true)]
    [AllowNull]
    public PSObject? InputObject { get; set; }

    /// <summary>An on-premises Active Directory objectGUID (Get-ADUser's ObjectGUID), matched to onPremisesImmutableId.</summary>
    [Parameter(ParameterSetName = UserSet, ValueFromPipelineByPropertyName = true)]
    [Alias("ObjectGUID")]
    public Guid OnPremisesObjectGuid { get; set; }

    /// <summary>The user's on-premises adminCount, as Get-ADUser -Properties adminCount gives it: 1 means the account is or was in a protected group, which password writeback can't reset (SSPR_0029); 0 or empty (the attribute is not set) means it is not. Graph cannot read it.</summary>
    [Parameter(ParameterSetName = UserSet, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    public int? AdminCount { get; set; }

    /// <summary>Every administrator in the tenant (the users Get-SsprAdmin lists).</summary>
    [Parameter(Mandatory = true, ParameterSetName = AllAdminsSet)]
    public SwitchParameter AllAdmins { get; set; }

    /// <summary>With -AllAdmins, also the PIM-eligible administrators.</summary>
    [Parameter(ParameterSetName = AllAdminsSet)]
    public SwitchParameter IncludeEligible { get; set; }

    /// <summary>Whether password writeback is on (Entra admin center, Password reset, On-premises integration). Graph cannot read it.</summary>
    [Parameter]
    [ValidateSet("Enabled", "Disabled")]
    public string? PasswordWriteback { get; set; }

    /// <summary>The user SSPR policy: Self-service password reset enabled None, Selected or All. Graph cannot read it.</summary>
    [Parameter]
    [ValidateSet("None", "Selected", "All")]
    public string? SsprUserPolicy { get; set; }

    /// <summary>None: no synchronized administrator is or was in an on-premises protected group (adminCount = 1), which password writeback can't reset (SSPR_0029). Graph cannot see it; -AdminCount states it per user.</summary>
    [Parameter]
    [ValidateSet("None")]
    public string? OnPremisesProtectedAdmins { get; set; }

    /// <summary>Also reads each user's self-service reset attempts from the audit log (LastAttempt, and a finding on whether it agrees).</summary>
    [Parameter]
    public SwitchParameter IncludeActivity { get; set; }

    protected override void BeginProcessing()
    {
        // Only command-line parameters are bound here: a typed -AdminCount holds for every input.
        _adminCountTyped = MyInvocation.BoundParameters.ContainsKey(nameof(AdminCount));
        _run = DiagnosisRun.Start(RequireSession(), DiagnosisOptionsFactory.From(PasswordWriteback, SsprUserPolicy, OnPremisesProtectedAdmins) with
        {
            IncludeActivity = IncludeActivity,
        });
    }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == AllAdminsSet)
        {
            return;
        }

        if (!MyInvocation.ExpectingInput && (UserId is null || UserId.Length == 0) && OnPremisesObjectGuid == Guid.Empty)
        {
            ThrowTerminatingError(ErrorRecordFactory.InvalidArgument("UserIdRequired",
                "Name the users to test: -UserId <id or UPN>, users piped from Get-MgUser or Get-ADUser, or -AllAdmins.", null));
        }

        // Typed, or bound from this input's adminCount property (Get-ADUser -Properties adminCount); absent, nothing is stated.
        // PowerShell keeps a pipeline-bound name in BoundParameters for the next input, which may not have the property,
        // so it is taken out once this input is read.
        var adminCountStated = _adminCountTyped || MyInvocation.BoundParameters.ContainsKey(nameof(AdminCount));
        if (!_adminCountTyped)
        {
            MyInvocation.BoundParameters.Remove(nameof(AdminCount));
        }

        var inputError = UserInput.Check(InputObject, UserId, OnPremisesObjectGuid, MyInvocation.ExpectingInput);
        if (inputError is not null)
        {
            WriteError(inputError);
            return;
        }

        foreach (var (reference, source, text) in InputReferences())
        {
            if (reference is null)
            {
                WriteError(ErrorRecordFactory.InvalidArgument("UserIdInvalid",
                    $"'{ErrorRecordFactory.Printable(text)}' is neither a user object id (GUID) nor a user principal name (name@domain).", source));
                continue;
            }

            if (!_seen.Add(reference))
            {
                // One prediction per distinct user (docs/cmdlets/Test-SsprAdminReset.md); one warning per user, not per copy:
                // 10,000 copies of one UPN give one prediction and one warning.
                if (_warnedTwice.Add(reference))
                {
                    WriteWarning($"User '{reference.Value}' was given more than once; it is predicted once.");
                }

                continue;
            }

            _pending.Add((reference, source));
            if (adminCountStated)
            {
                _adminCounts[reference] = AdminCount;
            }
        }

        if (_pending.Count >= ChunkSize)
        {
            PredictPending();
        }
    }

    protected override void EndProcessing()
    {
        if (ParameterSetName != AllAdminsSet)
        {
            PredictPending();
            CompleteProgress();
            return;
        }

        try
        {
            var run = _run!;
            WriteObject(RunEngine((log, cancel) => run.PredictAdminsAsync(IncludeEligible, log, cancel)), enumerateCollection: true);
            CompleteProgress();
        }
        catch (SsprException e)
        {
            Terminate(e, null);
        }
    }

    private IEnumerable<(UserReference? Reference, object Source, string Text)> InputReferences()
    {
        // Get-ADUser: the objectGUID is the synchronized user's source anchor, more reliable than an on-premises UPN.
        if (OnPremisesObjectGuid != Guid.Empty)
        {
            yield return (UserReference.FromObjectGuid(OnPremisesObjectGuid), OnPremisesObjectGuid, OnPremisesObjectGuid.ToString());
            yield break;
        }

        if (UserId is null || UserId.Length == 0)
        {
            yield return (null, "(empty)", "(empty)");
            yield break;
        }

        // A piped object (Get-MgUser, a property bag, a Guid) is the error target; a string or a list of ids is its own text.
        var piped = UserInput.TargetOf(InputObject);
        foreach (var value in UserId)
        {
            yield return (UserReference.TryParse(value?.Text), piped ?? (object?)value?.Text ?? "(null)", value?.Text ?? "(null)");
        }
    }

    private void PredictPending()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var chunk = _pending.ToArray();
        _pending.Clear();
        var references = Array.ConvertAll(chunk, c => c.Reference);
        var adminCounts = new Dictionary<UserReference, int?>();
        foreach (var reference in references)
        {
            if (_adminCounts.TryGetValue(reference, out var adminCount))
            {
                adminCounts[reference] = adminCount;
                _adminCounts.Remove(reference);
            }
        }

        var sources = new Dictionary<UserReference, object>();
        foreach (var (reference, source) in chunk)
        {
            sources[reference] = source;
        }

        try
        {
            var run = _run!;
            foreach (var result in RunEngine((log, cancel) => run.PredictAsync(references, adminCounts, log, cancel)))
            {
                if (result.Prediction is not null)
                {
                    WriteObject(result.Prediction);
                }
                else if (result.Error is not null)
                {
                    Report(result.Error, sources[result.Input!]);
                }
            }
        }
        catch (SsprException e) when (e.Kind is SsprErrorKind.InvalidArgument or SsprErrorKind.NotFound)
        {
            foreach (var (_, source) in chunk)
            {
                Report(e, source);
            }
        }
        catch (SsprException e)
        {
            // Not per user: no permission for the run, sign-in expired, Graph unreachable.
            Terminate(e, null);
        }
    }
}
