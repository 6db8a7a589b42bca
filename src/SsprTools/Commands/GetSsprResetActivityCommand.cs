using System;
using System.Collections.Generic;
using System.Management.Automation;
using SsprTools.Completion;
using SsprTools.Engine.Activity;
using SsprTools.Engine.Diagnosis;
using SsprTools.Engine.Errors;
using SsprTools.Hosting;
using SsprTools.Input;
using SsprTools.Model;

namespace SsprTools.Commands;

/// <summary>What really happened at the reset page: self-service reset attempts from the Entra audit log.</summary>
[Cmdlet(VerbsCommon.Get, "SsprResetActivity", DefaultParameterSetName = UserSet)]
[OutputType(typeof(SsprResetAttempt))]
public sealed class GetSsprResetActivityCommand : SsprCmdlet
{
    private const string UserSet = "User";
    private const string AllSet = "All";

    private readonly List<(UserReference Reference, object Source)> _pending = new();
    private readonly HashSet<UserReference> _seen = new();

    [Parameter(Position = 0, ParameterSetName = UserSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ObjectId", "Id", "UserPrincipalName")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    [ArgumentCompleter(typeof(UserIdCompleter))]
    public UserIdParameter?[]? UserId { get; set; }

    [Parameter(ParameterSetName = UserSet, ValueFromPipeline = true, DontShow = true)]
    [AllowNull]
    public PSObject? InputObject { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = AllSet)]
    public SwitchParameter All { get; set; }

    /// <summary>The earliest time to read from; by default as far back as the tenant keeps (30 days, 7 on Entra ID Free).</summary>
    [Parameter]
    public DateTimeOffset? Since { get; set; }

    protected override void BeginProcessing() => RequireSession();

    protected override void ProcessRecord()
    {
        if (ParameterSetName == AllSet)
        {
            return;
        }

        if (!MyInvocation.ExpectingInput && (UserId is null || UserId.Length == 0))
        {
            ThrowTerminatingError(ErrorRecordFactory.InvalidArgument("UserIdRequired",
                "Name the users whose reset attempts to read: -UserId <id or UPN>, users piped from Get-MgUser, or -All.", null));
        }

        var inputError = UserInput.Check(InputObject, UserId, Guid.Empty, MyInvocation.ExpectingInput);
        if (inputError is not null)
        {
            WriteError(inputError);
            return;
        }

        var piped = UserInput.TargetOf(InputObject);
        foreach (var value in UserId ?? Array.Empty<UserIdParameter?>())
        {
            var reference = UserReference.TryParse(value?.Text);
            var source = piped ?? (object?)value?.Text ?? "(null)";
            if (reference is null)
            {
                WriteError(ErrorRecordFactory.InvalidArgument("UserIdInvalid",
                    $"'{ErrorRecordFactory.Printable(value?.Text ?? "(null)")}' is neither a user object id (GUID) nor a user principal name (name@domain).", source));
            }
            else if (_seen.Add(reference))
            {
                _pending.Add((reference, source));
            }
        }
    }

    protected override void EndProcessing()
    {
        var run = ResetActivityRun.Start(RequireSession());
        try
        {
            if (ParameterSetName == AllSet)
            {
                StreamEngine<SsprResetAttempt>((log, emit, cancel) => run.ReadAllAsync(Since, emit, log, cancel));
            }
            else if (_pending.Count > 0)
            {
                ReadPending(run);
            }
        }
        catch (SsprException e)
        {
            // Not per user: no AuditLog.Read.All, sign-in expired, Graph unreachable.
            Terminate(e, null);
        }
        finally
        {
            WriteProgress(new ProgressRecord(1, "Reading the audit log", "Done") { RecordType = ProgressRecordType.Completed });
        }
    }

    private void ReadPending(ResetActivityRun run)
    {
        var sources = new Dictionary<UserReference, object>();
        var references = new List<UserReference>();
        foreach (var (reference, source) in _pending)
        {
            sources[reference] = source;
            references.Add(reference);
        }

        foreach (var result in RunEngine((log, cancel) => run.ReadUsersAsync(references, Since, log, cancel)))
        {
            if (result.Error is not null)
            {
                Report(result.Error, sources[result.Reference]);
            }
            else
            {
                WriteObject(result.Attempts, enumerateCollection: true);
            }
        }
    }
}
