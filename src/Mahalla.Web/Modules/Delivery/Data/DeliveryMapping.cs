using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Delivery.Data;

/// <summary>The delivery module's tables (schema <c>delivery</c> on PostgreSQL), all named for the module.</summary>
internal static class DeliveryMapping
{
    public static void Configure(ModelBuilder b, Schemas s)
    {
        var schema = s["delivery"];
        b.Entity<DeliverySettings>(e =>
        {
            e.ToTable("delivery_settings", schema);
            e.HasKey(x => x.OrganizationId);
            e.Property(x => x.OrganizationId).ValueGeneratedNever();
            e.Property(x => x.Language).HasMaxLength(10);
            e.Property(x => x.EmailTo).HasMaxLength(DeliverySettings.MaxEmailLength);
            e.Property(x => x.WebhookUrl).HasMaxLength(DeliverySettings.MaxUrlLength);
            e.Property(x => x.ProtectedWebhookSecret).HasMaxLength(2_000);
            e.Property(x => x.Open311Endpoint).HasMaxLength(DeliverySettings.MaxUrlLength);
            e.Property(x => x.ProtectedOpen311ApiKey).HasMaxLength(2_000);
            e.Property(x => x.Open311JurisdictionId).HasMaxLength(100);
            e.Property(x => x.Open311Format).HasMaxLength(4);
            e.Property(x => x.Open311ServiceCodesJson).HasMaxLength(10_000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.Open311ServiceCodes);
        });
        b.Entity<ReportDelivery>(e =>
        {
            e.ToTable("deliveries", schema);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.LastError).HasMaxLength(ReportDelivery.MaxErrorLength);
            e.Property(x => x.RemoteId).HasMaxLength(100);
            e.Property(x => x.RemoteToken).HasMaxLength(100);
            e.Property(x => x.RemoteStatus).HasMaxLength(40);
            e.Property(x => x.LastPollError).HasMaxLength(ReportDelivery.MaxErrorLength);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.MayHaveReached);
            e.Ignore(x => x.HoldsOpen311Request);
            e.HasIndex(x => new { x.Status, x.NextAttemptUtc });
            e.HasIndex(x => x.NextPollUtc);
            e.HasIndex(x => new { x.ReportId, x.OrganizationId });
            e.HasIndex(x => new { x.OrganizationId, x.CreatedAtUtc });
        });
        b.Entity<DeliveryAttempt>(e =>
        {
            e.ToTable("delivery_attempts", schema);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Error).HasMaxLength(ReportDelivery.MaxErrorLength);
            e.HasIndex(x => new { x.DeliveryId, x.Number });
        });
    }
}
