using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mahalla.Web.Platform.Database.Migrations;

/// <summary>The Open311 GeoReport v2 server: client applications (keys stored as SHA-256 hashes) and posted requests (the queue of non-realtime ones).</summary>
[DbContext(typeof(MahallaDb))]
[Migration("20261122000007_Open311")]
public sealed class M0007_Open311 : MahallaMigration
{
    protected override void Up(MigrationBuilder m)
    {
        Schema(m, "open311");
        var s = S("open311");
        m.CreateTable("open311_clients", schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 100, nullable: false),
            KeyHash = t.Column<string>(maxLength: 64, nullable: false),
            KeyPrefix = t.Column<string>(maxLength: 12, nullable: false),
            CreatedAtUtc = t.Column<DateTime>(nullable: false),
            RevokedAtUtc = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_open311_clients", x => x.Id));
        m.CreateIndex("IX_open311_clients_KeyHash", "open311_clients", "KeyHash", s, unique: true);

        m.CreateTable("open311_submissions", schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Token = t.Column<string>(maxLength: 40, nullable: true),
            ClientId = t.Column<Guid>(nullable: false),
            ServiceCode = t.Column<string>(maxLength: 40, nullable: false),
            RequestJson = t.Column<string>(maxLength: 20_000, nullable: true),
            MediaUrl = t.Column<string>(maxLength: 2_000, nullable: true),
            State = t.Column<int>(nullable: false),
            ReportId = t.Column<Guid>(nullable: true),
            TrackingNumber = t.Column<string>(maxLength: 20, nullable: true),
            SubmittedAtUtc = t.Column<DateTime>(nullable: false),
            ProcessedAtUtc = t.Column<DateTime>(nullable: true),
            Rejection = t.Column<string>(maxLength: 200, nullable: true),
            RowVersion = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_open311_submissions", x => x.Id));
        m.CreateIndex("IX_open311_submissions_Token", "open311_submissions", "Token", s, unique: true);
        m.CreateIndex("IX_open311_submissions_ReportId", "open311_submissions", "ReportId", s);
        m.CreateIndex("IX_open311_submissions_State_SubmittedAtUtc", "open311_submissions", ["State", "SubmittedAtUtc"], s);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("open311_submissions", S("open311"));
        m.DropTable("open311_clients", S("open311"));
    }
}
