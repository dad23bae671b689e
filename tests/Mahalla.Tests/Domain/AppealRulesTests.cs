using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Platform.Errors;

namespace Mahalla.Tests.Domain;

/// <summary>The lifecycle rules of a request, without a database.</summary>
public sealed class AppealRulesTests
{
    private static readonly DateTime Filed = new(2026, 11, 3, 5, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Citizen = new(Guid.CreateVersion7(), "citizen");
    private static readonly Actor Staff = new(Guid.CreateVersion7(), "mahalla_staff");

    private static Appeal NewAppeal() => Appeal.File(Guid.CreateVersion7(), "M-2026-000001-5", AccessCodes.Hash("X"), AppealType.Complaint, "roads",
        Guid.CreateVersion7(), "/a/b/c/", "Yo'lda chuqur", "uz-Latn", false, Citizen, Guid.CreateVersion7(), Filed.AddDays(1), Filed.AddDays(15), Filed);

    [Fact]
    public void The_open_statuses_that_queries_use_are_exactly_those_a_request_counts_as_open_by()
    {
        Assert.Equal(Enum.GetValues<AppealStatus>().Where(s => s.IsOpen()), AppealWords.OpenStatuses.Order());
    }

    [Fact]
    public void Every_state_change_records_an_event_with_its_from_and_to_state()
    {
        var appeal = NewAppeal();
        appeal.Assign(Staff.UserId!.Value, Staff, Filed.AddHours(1));
        appeal.Answer("Tuzatildi", Staff, Filed.AddDays(12), Filed.AddDays(2));
        appeal.ConfirmResolution(Citizen, Filed.AddDays(3));

        Assert.Equal([EventKind.Filed, EventKind.Assigned, EventKind.Answered, EventKind.Confirmed], appeal.Events.Select(e => e.Kind));
        Assert.Equal([1, 2, 3, 4], appeal.Events.Select(e => e.Sequence));
        Assert.Equal(AppealStatus.Answered, appeal.Events[^1].FromStatus);
        Assert.Equal(AppealStatus.Resolved, appeal.Events[^1].ToStatus);
        Assert.Equal(4, appeal.Version);
    }

    [Fact]
    public void Assigning_to_the_person_who_has_it_records_nothing_and_to_another_records_the_change()
    {
        var appeal = NewAppeal();
        var colleague = Guid.CreateVersion7();

        Assert.True(appeal.Assign(Staff.UserId!.Value, Staff, Filed.AddHours(1)));
        Assert.False(appeal.Assign(Staff.UserId!.Value, Staff, Filed.AddHours(2)));
        Assert.True(appeal.Assign(colleague, Staff, Filed.AddHours(3)));
        Assert.False(appeal.Assign(colleague, Staff, Filed.AddHours(4)));

        Assert.Equal([EventKind.Filed, EventKind.Assigned, EventKind.Assigned], appeal.Events.Select(e => e.Kind));
        Assert.Equal(3, appeal.Version);
        Assert.Equal(colleague, appeal.AssigneeUserId);
        Assert.Equal(AppealStatus.InProgress, appeal.Status);
    }

    [Fact]
    public void Only_the_applicant_can_confirm()
    {
        var appeal = NewAppeal();
        appeal.Answer("Javob", Staff, Filed.AddDays(12), Filed.AddDays(2));

        var refused = Assert.Throws<BusinessRuleException>(() => appeal.ConfirmResolution(Staff, Filed.AddDays(3)));
        Assert.Equal("rule.only_the_applicant_can_do_this", refused.Rule);
        Assert.Equal(AppealStatus.Answered, appeal.Status);
    }

    [Fact]
    public void A_dispute_escalates_once_and_never_past_the_region()
    {
        var appeal = NewAppeal();
        for (var round = 1; round <= 3; round++)
        {
            appeal.Answer("Javob", Staff, Filed.AddDays(12 + round), Filed.AddDays(round));
            appeal.Dispute("Hal bo'lmadi", Citizen, Filed.AddDays(20 + round), Filed.AddDays(round).AddHours(1));
            Assert.Equal(Math.Min(round, 2), appeal.EscalationLevel);
        }

        Assert.Equal(AppealStatus.Reopened, appeal.Status);
        Assert.Equal(2, appeal.EscalationCount);
    }

    [Fact]
    public void Closing_unconfirmed_waits_for_the_confirmation_period_and_is_not_resolution()
    {
        var appeal = NewAppeal();
        appeal.Answer("Javob", Staff, Filed.AddDays(12), Filed.AddDays(2));

        Assert.Throws<BusinessRuleException>(() => appeal.CloseUnconfirmed(Filed.AddDays(11)));
        appeal.CloseUnconfirmed(Filed.AddDays(13));

        Assert.Equal(AppealStatus.ClosedUnconfirmed, appeal.Status);
        Assert.NotEqual(AppealStatus.Resolved, appeal.Status);
    }

    [Fact]
    public void Escalation_needs_an_overdue_request_and_waits_between_levels()
    {
        var appeal = NewAppeal();
        Assert.Throws<BusinessRuleException>(() => appeal.Escalate(Filed.AddDays(20), Filed.AddHours(2)));

        appeal.Escalate(Filed.AddDays(20), Filed.AddDays(16));
        Assert.Throws<BusinessRuleException>(() => appeal.Escalate(Filed.AddDays(25), Filed.AddDays(17)));
        appeal.Escalate(Filed.AddDays(25), Filed.AddDays(21));
        Assert.Throws<BusinessRuleException>(() => appeal.Escalate(Filed.AddDays(40), Filed.AddDays(30)));

        Assert.Equal(2, appeal.EscalationLevel);
    }

    [Fact]
    public void The_deadline_extends_only_once_and_only_later()
    {
        var appeal = NewAppeal();
        Assert.Throws<BusinessRuleException>(() => appeal.ExtendDeadline("Sabab", Filed.AddDays(10), Staff, Filed.AddDays(1)));
        appeal.ExtendDeadline("Sabab", Filed.AddDays(30), Staff, Filed.AddDays(1));
        Assert.Throws<BusinessRuleException>(() => appeal.ExtendDeadline("Yana", Filed.AddDays(40), Staff, Filed.AddDays(2)));
        Assert.Equal(Filed.AddDays(30), appeal.AnswerDueUtc);
    }

    [Fact]
    public void The_sweep_due_time_follows_each_transition()
    {
        var appeal = NewAppeal();
        Assert.Equal(Filed.AddDays(1), appeal.SweepDueUtc); // waiting for registration: the earlier deadline
        appeal.Assign(Staff.UserId!.Value, Staff, Filed.AddHours(1));
        Assert.Equal(Filed.AddDays(15), appeal.SweepDueUtc); // registered: the answer's
        appeal.Escalate(Filed.AddDays(20), Filed.AddDays(16));
        Assert.Equal(Filed.AddDays(20), appeal.SweepDueUtc); // held at the district until then
        appeal.ExtendDeadline("Sabab", Filed.AddDays(30), Staff, Filed.AddDays(17));
        Assert.Equal(Filed.AddDays(30), appeal.SweepDueUtc); // the extension lifts the hold
        appeal.Escalate(Filed.AddDays(35), Filed.AddDays(31));
        Assert.Null(appeal.SweepDueUtc); // the region: nowhere higher to go
        appeal.Answer("Javob", Staff, Filed.AddDays(40), Filed.AddDays(32));
        Assert.Equal(Filed.AddDays(40), appeal.SweepDueUtc); // closes unconfirmed after the confirmation period
        appeal.ConfirmResolution(Citizen, Filed.AddDays(33));
        Assert.Null(appeal.SweepDueUtc);
    }

    /// <summary>
    /// Random walks through the transitions: in every state a walk reaches, the request is due for the sweeper at an
    /// instant exactly when the entity's own rules let the sweeper escalate or close it then. The instants probed are a
    /// second off the whole hours the deadlines fall on, where the sweeper's strict comparison and the hold's inclusive
    /// one would differ by a tick.
    /// </summary>
    [Fact]
    public void The_sweep_due_time_is_when_the_rules_first_let_the_sweeper_act()
    {
        var random = new Random(20261123);
        var probes = Enumerable.Range(-4, 400).Select(k => Filed.AddHours(7 * k).AddSeconds(1)).ToList();
        var states = 0;
        for (var walk = 0; walk < 300; walk++)
        {
            AppealWalks.Walk(random, $"M-2026-{walk:D6}-0", Filed, appeal =>
            {
                states++;
                foreach (var t in probes)
                {
                    Assert.True(appeal.SweepDueUtc < t == SweeperMayAct(appeal, t),
                        $"{appeal.Status} at level {appeal.EscalationLevel}, due {appeal.SweepDueUtc:O}, probed at {t:O}");
                }
            });
        }

        Assert.True(states > 1000, $"only {states} states reached");
    }

    private static bool SweeperMayAct(Appeal appeal, DateTime t) =>
        (appeal.IsOverdue(t) && appeal.EscalationLevel < Appeal.MaxEscalationLevel && (appeal.NextEscalationAtUtc is null || t >= appeal.NextEscalationAtUtc))
        || (appeal.Status == AppealStatus.Answered && appeal.ConfirmationDueUtc is { } due && t > due);
}
