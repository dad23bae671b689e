using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Open311.Data;

/// <summary>The Open311 module's tables (schema <c>open311</c> on PostgreSQL), all prefixed <c>open311_</c>.</summary>
internal static class Open311Mapping
{
    public static void Configure(ModelBuilder b, Schemas s)
    {
        var schema = s["open311"];
        b.Entity<Open311Client>(e =>
        {
            e.ToTable("open311_clients", schema);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Name).HasMaxLength(Open311Client.MaxNameLength);
            e.Property(x => x.KeyHash).HasMaxLength(64);
            e.Property(x => x.KeyPrefix).HasMaxLength(Open311Client.ShownPrefixLength);
            e.HasIndex(x => x.KeyHash).IsUnique();
            e.Ignore(x => x.IsActive);
        });
        b.Entity<Open311Submission>(e =>
        {
            e.ToTable("open311_submissions", schema);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Token).HasMaxLength(Open311Submission.MaxTokenLength);
            e.Property(x => x.ServiceCode).HasMaxLength(40);
            e.Property(x => x.RequestJson).HasMaxLength(Open311Submission.MaxRequestLength);
            e.Property(x => x.MediaUrl).HasMaxLength(Open311Submission.MaxMediaUrlLength);
            e.Property(x => x.TrackingNumber).HasMaxLength(20);
            e.Property(x => x.Rejection).HasMaxLength(200);
            e.Property(x => x.RowVersion).IsConcurrencyToken();
            e.HasIndex(x => x.Token).IsUnique();
            e.HasIndex(x => x.ReportId);
            e.HasIndex(x => new { x.State, x.SubmittedAtUtc });
        });
    }
}
