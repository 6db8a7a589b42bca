using System.Collections.Generic;
using System.Linq;
using System;
using SsprTools.Engine.Activity;
using SsprTools.Engine.Catalogs;
using SsprTools.Engine.Facts;
using SsprTools.Engine.Findings;
using SsprTools.Model;

namespace SsprTools.Engine.Rules;

/// <summary>Predicts, from tenant and user facts alone, whether the user's own self-service password reset works and
/// which SSPR error they would see. Pure and deterministic: no I/O, no clock (time comes from the facts' evidence).</summary>
public sealed class ResetPredictor
{
    public ResetPrediction Predict(TenantFacts tenant, UserFacts user)
    {
        if (tenant is null)
        {
            throw new ArgumentNullException(nameof(tenant));
        }

        if (user is null)
        {
            throw new ArgumentNullException(nameof(user));
        }

        var context = new ResetContext(tenant, user);
        var admin = AdminAssessment.Assess(user);
        var guest = user.UserType.TryGetValue(out var type) && type == UserType.Guest;
        var result = (admin.Status, guest) switch
        {
            (_, true) => PolicyChecks.User.Run(context),
            (AdminStatus.Admin, _) => PolicyChecks.Administrator.Run(context),
            (AdminStatus.NotAdmin, _) => PolicyChecks.User.Run(context),
            _ => PolicyAgreement.Combine(PolicyChecks.Administrator.Run(context), PolicyChecks.User.Run(context)),
        };

        var findings = new List<Finding>(result.Findings);
        if (!guest)
        {
            if (admin.IsEligibleOnly)
            {
                findings.Add(EligibleActivation.Describe(admin, PolicyChecks.Administrator.Run(context), user));
            }

            findings.AddRange(admin.Findings);
        }

        var observed = user.ObservedResets.TryGetValue(out var resets) ? resets.Latest : null;
        var prediction = new ResetPrediction
        {
            UserId = user.Id,
            UserPrincipalName = user.UserPrincipalName,
            DisplayName = user.DisplayName,
            IsAdmin = admin.Status switch
            {
                AdminStatus.Admin => true,
                AdminStatus.NotAdmin => false,
                _ => null,
            },
            AdminRoles = AdminAssessment.RoleNames(admin.ActiveListed),
            EligibleAdminRoles = AdminAssessment.RoleNames(admin.EligibleListed),
            IsSynced = SyncedUser.IsSynced(user, tenant),
            Outcome = result.Outcome,
            PredictedError = result.PredictedError,
            AlternativeErrors = result.AlternativeErrors.ToArray(),
            Reason = result.AlternativeErrors.Count == 0
                ? result.Reason
                : $"{result.Reason}; the portal shows {ErrorCodes.Either(result.PredictedError!, result.AlternativeErrors)}",
            Findings = FindingList.Ordered(findings),
        };
        if (observed is null)
        {
            return prediction;
        }

        // The observed attempt is set beside the verdict, never folded into it: it shows the past (docs/rules.md).
        findings.Add(ObservedAgreement.Compare(prediction, observed));
        return new ResetPrediction
        {
            UserId = prediction.UserId,
            UserPrincipalName = prediction.UserPrincipalName,
            DisplayName = prediction.DisplayName,
            IsAdmin = prediction.IsAdmin,
            AdminRoles = prediction.AdminRoles,
            EligibleAdminRoles = prediction.EligibleAdminRoles,
            IsSynced = prediction.IsSynced,
            Outcome = prediction.Outcome,
            PredictedError = prediction.PredictedError,
            AlternativeErrors = prediction.AlternativeErrors,
            Reason = prediction.Reason,
            Findings = FindingList.Ordered(findings),
            LastAttempt = observed,
        };
    }
}
