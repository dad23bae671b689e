using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.Transparency.Data;
using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mahalla.Web.Modules.Transparency.RecordEvents;

/// <summary>
/// Makes every new appeal event a pending log entry in the same SaveChanges, hence the same transaction:
/// an event cannot be saved without its entry, nor an entry without its event. Each personal content
/// gets a fresh salt (its own erasable row) and only the commitment enters the log.
/// </summary>
internal sealed class RecordEventsInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext? db)
    {
        if (db is null)
        {
            return;
        }

        List<AppealEvent> added;
        HashSet<Guid> recorded;
        Dictionary<Guid, Appeal> appeals;
        // Events reach the tracker through their appeal's collection; detecting the changes once makes sure they are seen as Added.
        using (db.ChangeTracker.DetectOnce())
        {
            added = db.ChangeTracker.Entries<AppealEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
            if (added.Count == 0)
            {
                return;
            }

            // A SaveChanges retried on the same context must not record an event twice.
            recorded = db.ChangeTracker.Entries<LogEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.SourceId).ToHashSet();
            appeals = db.ChangeTracker.Entries<Appeal>().Select(e => e.Entity).ToDictionary(a => a.Id);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var e in added.Where(e => !recorded.Contains(e.Id)).OrderBy(e => e.AppealId).ThenBy(e => e.Sequence))
        {
            var appeal = appeals.GetValueOrDefault(e.AppealId)
                ?? throw new InvalidOperationException("An appeal event is saved without its appeal; events are only made by the appeal's own methods.");
            var content = EventEntry.ContentOf(e, appeal);
            var commitment = EventEntry.NoContent;
            if (content is not null)
            {
                var salt = EventEntry.NewSalt();
                db.Add(new ContentSalt(e.Id, e.AppealId, salt));
                commitment = EventEntry.Commit(salt, content);
            }

            db.Add(new LogEntry(Guid.CreateVersion7(), EventEntry.Kind, e.Id, e.AppealId, EventEntry.Encode(EventFacts.Of(e, appeal.Type), commitment), now));
        }
    }
}
