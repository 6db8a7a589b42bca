using System;
using System.Collections.Generic;
using SsprTools.Model;

namespace SsprTools.Engine.Reporting;

/// <summary>The predictions piped into a report: one per user (the first given wins, so a user appears once in the
/// table and the counts), and how many of them were read back from saved output.</summary>
public sealed class PipedPredictions
{
    private readonly List<ResetPrediction> _predictions = new();
    private readonly HashSet<string> _users = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<ResetPrediction> Predictions => _predictions;

    /// <summary>How many of <see cref="Predictions"/> were not live objects (for example Import-Clixml's).</summary>
    public int ReadBack { get; private set; }

    /// <summary>The report's source sentence for these predictions.</summary>
    public string Source => ReportSource.Pipeline(_predictions.Count, ReadBack);

    /// <summary>Adds a prediction unless its user was given before (by object id, or by user principal name when the
    /// id is missing); false means it was left out.</summary>
    public bool Add(ResetPrediction prediction, bool readBack)
    {
        var user = prediction.UserId.Length > 0 ? prediction.UserId : prediction.UserPrincipalName;
        if (!_users.Add(user))
        {
            return false;
        }

        _predictions.Add(prediction);
        ReadBack += readBack ? 1 : 0;
        return true;
    }
}
