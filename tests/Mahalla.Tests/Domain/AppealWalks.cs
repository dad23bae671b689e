using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Platform.Errors;

namespace Mahalla.Tests.Domain;

/// <summary>
/// A request taken through random transitions, as staff, the citizen and the sweeper could take it, each at a whole hour
/// after the last: the states it reaches are the ones the engine can produce, because only the entity's verbs make them.
/// </summary>
internal static class AppealWalks
{
    private static readonly Actor Citizen = new(Guid.CreateVersion7(), "citizen");
    private static readonly Actor Staff = new(Guid.CreateVersion7(), "mahalla_staff");

    /// <summary>Files a request and tries up to twelve transitions; <paramref name="reached"/> sees each state that one made.</summary>
    public static Appeal Walk(Random random, string trackingNumber, DateTime filed, Action<Appeal>? reached = null)
    {
        var appeal = Appeal.File(Guid.CreateVersion7(), trackingNumber, AccessCodes.Hash("X"), AppealType.Complaint, "roads",
            Guid.CreateVersion7(), "/a/b/c/", "Yo'lda chuqur", "uz-Latn", false, Citizen, Guid.CreateVersion7(), filed.AddDays(1), filed.AddDays(15), filed);
        reached?.Invoke(appeal);
        var now = filed;
        for (var step = 0; step < 12 && !appeal.Status.IsClosed(); step++)
        {
            now = now.AddHours(random.Next(1, 24 * 12));
            var later = now.AddDays(random.Next(1, 20));
            try
            {
                Act(appeal, random.Next(8), now, later);
            }
            catch (BusinessRuleException)
            {
                continue; // not allowed in this state: the walk goes on from it
            }

            reached?.Invoke(appeal);
        }

        return appeal;
    }

    private static void Act(Appeal appeal, int verb, DateTime now, DateTime later)
    {
        switch (verb)
        {
            case 0:
                appeal.Assign(Staff.UserId!.Value, Staff, now);
                break;
            case 1:
                appeal.Forward(Guid.CreateVersion7(), "Vakolatga kirmaydi", Staff, now);
                break;
            case 2:
                appeal.ExtendDeadline("Sabab", later, Staff, now);
                break;
            case 3:
                appeal.Answer("Javob", Staff, later, now);
                break;
            case 4:
                appeal.Dispute("Hal bo'lmadi", Citizen, later, now);
                break;
            case 5:
                appeal.Escalate(later, now);
                break;
            case 6:
                appeal.ConfirmResolution(Citizen, now);
                break;
            default:
                appeal.CloseUnconfirmed(now);
                break;
        }
    }
}
