using System;
using System.Collections.Generic;
using System.Linq;
using SsprTools.Engine.Facts;
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
            (_, true) => RulePath.User.Run(context),
            (AdminStatus.Admin, _) => RulePath.Administrator.Run(context),
            (AdminStatus.NotAdmin, _) => RulePath.User.Run(context),
            _ => PolicyAgreement.Combine(RulePath.Administrator.Run(context), RulePath.User.Run(context)),
        };

        var findings = new List<Finding>(result.Findings);
        if (!guest)
        {
            if (admin.IsEligibleOnly)
            {
                findings.Add(EligibleActivation.Describe(admin, RulePath.Administrator.Run(context), user));
            }

            findings.AddRange(admin.Findings);
        }

        return new ResetPrediction
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
    }
}
