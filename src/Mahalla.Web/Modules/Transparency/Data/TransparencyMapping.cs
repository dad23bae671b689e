using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Transparency.Data;

/// <summary>The transparency module's tables (schema <c>transparency</c> on PostgreSQL), all prefixed <c>tlog_</c>.</summary>
internal static class TransparencyMapping
{
    public static void Configure(ModelBuilder b, Schemas s)
    {
        var schema = s["transparency"];
        b.Entity<LogEntry>(e =>
        {
            e.ToTable("tlog_entries", schema);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Kind).HasMaxLength(LogEntry.MaxKindLength);
            e.HasIndex(x => x.SourceId).IsUnique();
            e.HasIndex(x => x.Index).IsUnique();
            e.HasIndex(x => x.SubjectId);
            // The sequencer's queue: pending entries in id order, however many are already integrated (ADR 0049).
            e.HasIndex(x => x.Id, "IX_tlog_entries_Pending").HasFilter("\"Index\" IS NULL");
        });
        b.Entity<LogNode>(e =>
        {
            e.ToTable("tlog_nodes", schema);
            e.Property(x => x.Id).ValueGeneratedNever();
        });
        b.Entity<LogState>(e =>
        {
            e.ToTable("tlog_state", schema);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.LeaseHolder).HasMaxLength(LogState.MaxHolderLength);
        });
        b.Entity<PublishedCheckpoint>(e =>
        {
            e.ToTable("tlog_checkpoints", schema);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Note).HasMaxLength(PublishedCheckpoint.MaxNoteLength);
            e.Property(x => x.Witnesses).HasMaxLength(PublishedCheckpoint.MaxWitnessesLength);
            e.HasIndex(x => x.Size).IsUnique();
            e.HasIndex(x => x.SignedAtUtc);
        });
        b.Entity<ContentSalt>(e =>
        {
            e.ToTable("tlog_salts", schema);
            e.HasKey(x => x.SourceId);
            e.Property(x => x.SourceId).ValueGeneratedNever();
            e.HasIndex(x => x.SubjectId);
        });
        b.Entity<LogSecret>(e =>
        {
            e.ToTable("tlog_secrets", schema);
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(LogSecret.MaxNameLength);
            e.Property(x => x.Value).HasMaxLength(LogSecret.MaxValueLength);
        });
        b.Entity<AuditRun>(e =>
        {
            e.ToTable("tlog_audits", schema);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.RanBy).HasMaxLength(AuditRun.MaxRanByLength);
            e.Property(x => x.Findings).HasMaxLength(AuditRun.MaxFindingsLength);
            e.HasIndex(x => x.FinishedAtUtc);
        });
    }
}
