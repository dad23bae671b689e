using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mahalla.Web.Platform.Database.Migrations;

/// <summary>The transparency log: entries, stored subtree hashes, sequencer state, checkpoints, salts, secrets, audits.</summary>
[DbContext(typeof(MahallaDb))]
[Migration("20261122000002_Transparency")]
public sealed class M0002_Transparency : MahallaMigration
{
    protected override void Up(MigrationBuilder m)
    {
        Schema(m, "transparency");
        var s = S("transparency");
        m.CreateTable("tlog_entries", schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Kind = t.Column<string>(maxLength: 40, nullable: false),
            SourceId = t.Column<Guid>(nullable: false),
            SubjectId = t.Column<Guid>(nullable: false),
            Data = t.Column<byte[]>(nullable: false),
            Index = t.Column<long>(nullable: true),
            RecordedAtUtc = t.Column<DateTime>(nullable: false),
            IntegratedAtUtc = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_tlog_entries", x => x.Id));
        m.CreateIndex("IX_tlog_entries_SourceId", "tlog_entries", "SourceId", s, unique: true);
        m.CreateIndex("IX_tlog_entries_Index", "tlog_entries", "Index", s, unique: true);
        m.CreateIndex("IX_tlog_entries_SubjectId", "tlog_entries", "SubjectId", s);

        m.CreateTable("tlog_nodes", schema: s, columns: t => new
        {
            Id = t.Column<long>(nullable: false),
            Hash = t.Column<byte[]>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_tlog_nodes", x => x.Id));

        m.CreateTable("tlog_state", schema: s, columns: t => new
        {
            Id = t.Column<int>(nullable: false),
            TreeSize = t.Column<long>(nullable: false),
            RootHash = t.Column<byte[]>(nullable: false),
            LeaseHolder = t.Column<string>(maxLength: 200, nullable: true),
            LeaseUntilUtc = t.Column<DateTime>(nullable: true),
            UpdatedAtUtc = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_tlog_state", x => x.Id));
        // The one state row exists from the start, so sequencers only ever update it conditionally.
        // Hand-written migrations carry no model, so the store types of these three values are named here.
        string[] types = s is null ? ["INTEGER", "INTEGER", "BLOB"] : ["integer", "bigint", "bytea"];
        m.InsertData("tlog_state", ["Id", "TreeSize", "RootHash"], types, [1, 0L, System.Security.Cryptography.SHA256.HashData([])], s);

        m.CreateTable("tlog_checkpoints", schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Size = t.Column<long>(nullable: false),
            RootHash = t.Column<byte[]>(nullable: false),
            Note = t.Column<string>(maxLength: 20_000, nullable: false),
            Witnesses = t.Column<string>(maxLength: 2_000, nullable: false),
            SignedAtUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_tlog_checkpoints", x => x.Id));
        m.CreateIndex("IX_tlog_checkpoints_Size", "tlog_checkpoints", "Size", s, unique: true);
        m.CreateIndex("IX_tlog_checkpoints_SignedAtUtc", "tlog_checkpoints", "SignedAtUtc", s);

        m.CreateTable("tlog_salts", schema: s, columns: t => new
        {
            SourceId = t.Column<Guid>(nullable: false),
            SubjectId = t.Column<Guid>(nullable: false),
            Salt = t.Column<byte[]>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_tlog_salts", x => x.SourceId));
        m.CreateIndex("IX_tlog_salts_SubjectId", "tlog_salts", "SubjectId", s);

        m.CreateTable("tlog_secrets", schema: s, columns: t => new
        {
            Name = t.Column<string>(maxLength: 100, nullable: false),
            Value = t.Column<string>(maxLength: 2_000, nullable: false),
            CreatedAtUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_tlog_secrets", x => x.Name));

        m.CreateTable("tlog_audits", schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            StartedAtUtc = t.Column<DateTime>(nullable: false),
            FinishedAtUtc = t.Column<DateTime>(nullable: false),
            RanBy = t.Column<string>(maxLength: 100, nullable: false),
            EventsChecked = t.Column<int>(nullable: false),
            EntriesChecked = t.Column<long>(nullable: false),
            TreeSize = t.Column<long>(nullable: false),
            FindingCount = t.Column<int>(nullable: false),
            Findings = t.Column<string>(maxLength: 20_000, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_tlog_audits", x => x.Id));
        m.CreateIndex("IX_tlog_audits_FinishedAtUtc", "tlog_audits", "FinishedAtUtc", s);
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "tlog_audits", "tlog_secrets", "tlog_salts", "tlog_checkpoints", "tlog_state", "tlog_nodes", "tlog_entries" })
        {
            m.DropTable(table, S("transparency"));
        }
    }
}
