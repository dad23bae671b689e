using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mahalla.Web.Platform.Database.Migrations;

/// <summary>Report delivery: each organisation's delivery method, the deliveries to organisations and their attempts.</summary>
[DbContext(typeof(MahallaDb))]
[Migration("20261122000008_Delivery")]
public sealed class M0008_Delivery : MahallaMigration
{
    protected override void Up(MigrationBuilder m)
    {
        Schema(m, "delivery");
        var s = S("delivery");
        m.CreateTable("delivery_settings", schema: s, columns: t => new
        {
            OrganizationId = t.Column<Guid>(nullable: false),
            Method = t.Column<int>(nullable: false),
            Language = t.Column<string>(maxLength: 10, nullable: false),
            ShareReporterContact = t.Column<bool>(nullable: false),
            EmailTo = t.Column<string>(maxLength: 254, nullable: true),
            WebhookUrl = t.Column<string>(maxLength: 500, nullable: true),
            ProtectedWebhookSecret = t.Column<string>(maxLength: 2_000, nullable: true),
            Open311Endpoint = t.Column<string>(maxLength: 500, nullable: true),
            ProtectedOpen311ApiKey = t.Column<string>(maxLength: 2_000, nullable: true),
            Open311JurisdictionId = t.Column<string>(maxLength: 100, nullable: true),
            Open311Format = t.Column<string>(maxLength: 4, nullable: false),
            Open311ServiceCodesJson = t.Column<string>(maxLength: 10_000, nullable: false),
            Open311PostsUpdates = t.Column<bool>(nullable: false),
            UpdatedAtUtc = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_delivery_settings", x => x.OrganizationId));

        m.CreateTable("deliveries", schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            ReportId = t.Column<Guid>(nullable: false),
            OrganizationId = t.Column<Guid>(nullable: false),
            Method = t.Column<int>(nullable: false),
            Kind = t.Column<int>(nullable: false),
            Status = t.Column<int>(nullable: false),
            Attempts = t.Column<int>(nullable: false),
            FailuresInRow = t.Column<int>(nullable: false),
            CreatedAtUtc = t.Column<DateTime>(nullable: false),
            NextAttemptUtc = t.Column<DateTime>(nullable: true),
            DeliveredAtUtc = t.Column<DateTime>(nullable: true),
            LastStatusCode = t.Column<int>(nullable: true),
            LastError = t.Column<string>(maxLength: 300, nullable: true),
            RemoteId = t.Column<string>(maxLength: 100, nullable: true),
            RemoteToken = t.Column<string>(maxLength: 100, nullable: true),
            RemoteStatus = t.Column<string>(maxLength: 40, nullable: true),
            NextPollUtc = t.Column<DateTime>(nullable: true),
            LastPolledAtUtc = t.Column<DateTime>(nullable: true),
            LastPollError = t.Column<string>(maxLength: 300, nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_deliveries", x => x.Id));
        m.CreateIndex("IX_deliveries_Status_NextAttemptUtc", "deliveries", ["Status", "NextAttemptUtc"], s);
        m.CreateIndex("IX_deliveries_NextPollUtc", "deliveries", "NextPollUtc", s);
        m.CreateIndex("IX_deliveries_ReportId_OrganizationId", "deliveries", ["ReportId", "OrganizationId"], s);
        m.CreateIndex("IX_deliveries_OrganizationId_CreatedAtUtc", "deliveries", ["OrganizationId", "CreatedAtUtc"], s);

        m.CreateTable("delivery_attempts", schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            DeliveryId = t.Column<Guid>(nullable: false),
            Number = t.Column<int>(nullable: false),
            StartedAtUtc = t.Column<DateTime>(nullable: false),
            DurationMs = t.Column<int>(nullable: false),
            StatusCode = t.Column<int>(nullable: true),
            Succeeded = t.Column<bool>(nullable: false),
            Error = t.Column<string>(maxLength: 300, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_delivery_attempts", x => x.Id));
        m.CreateIndex("IX_delivery_attempts_DeliveryId_Number", "delivery_attempts", ["DeliveryId", "Number"], s);
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "delivery_attempts", "deliveries", "delivery_settings" })
        {
            m.DropTable(table, S("delivery"));
        }
    }
}
