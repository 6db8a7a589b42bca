using System;
using System.Collections.Generic;
using System.Linq;
using SsprTools.Model;

namespace SsprTools.Engine.Reporting;

/// <summary>The counts at the top of a report: outcomes, predicted errors, administrators and synchronized users.</summary>
public sealed class ReportSummary
{
    public int Total { get; private set; }

    public int Succeeds { get; private set; }

    public int Fails { get; private set; }

    /// <summary>Unknown outcomes, and any outcome text the report does not know (it cannot vouch for it).</summary>
    public int Unknown { get; private set; }

    /// <summary>Predicted errors by code, in code order; users without a predicted error are not counted here.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> ByError { get; private set; } = Array.Empty<KeyValuePair<string, int>>();

    public int Admins { get; private set; }

    public int NonAdmins { get; private set; }

    /// <summary>Users whose active roles could not be read (IsAdmin null).</summary>
    public int AdminStatusUnknown { get; private set; }

    public int Synced { get; private set; }

    public int CloudOnly { get; private set; }

    public int SyncStatusUnknown { get; private set; }

    public int CountOf(string outcome) => outcome switch
    {
        PredictionOutcome.Succeeds => Succeeds,
        PredictionOutcome.Fails => Fails,
        PredictionOutcome.Unknown => Unknown,
        _ => 0,
    };

    public static ReportSummary Of(IEnumerable<ResetPrediction> predictions)
    {
        var summary = new ReportSummary();
        var errors = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var prediction in predictions)
        {
            summary.Count(prediction);
            if (!string.IsNullOrEmpty(prediction.PredictedError))
            {
                errors.TryGetValue(prediction.PredictedError!, out var count);
                errors[prediction.PredictedError!] = count + 1;
            }
        }

        summary.ByError = errors.ToList();
        return summary;
    }

    private void Count(ResetPrediction prediction)
    {
        Total++;
        switch (prediction.Outcome)
        {
            case PredictionOutcome.Succeeds:
                Succeeds++;
                break;
            case PredictionOutcome.Fails:
                Fails++;
                break;
            default:
                Unknown++;
                break;
        }

        Admins += prediction.IsAdmin == true ? 1 : 0;
        NonAdmins += prediction.IsAdmin == false ? 1 : 0;
        AdminStatusUnknown += prediction.IsAdmin is null ? 1 : 0;
        Synced += prediction.IsSynced == true ? 1 : 0;
        CloudOnly += prediction.IsSynced == false ? 1 : 0;
        SyncStatusUnknown += prediction.IsSynced is null ? 1 : 0;
    }
}
