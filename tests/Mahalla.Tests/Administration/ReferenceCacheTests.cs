using System.Net;
using System.Net.Http.Json;
using Mahalla.Tests.Appeals;
using Mahalla.Tests.Infrastructure;
using Mahalla.Web.Modules.Calendar.Data;
using Mahalla.Web.Modules.ReferenceData;
using Mahalla.Web.Modules.Territories.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mahalla.Tests.Administration;

/// <summary>The node's copy of the reference data (ADR 0011): an edit takes effect for the very next filing.</summary>
public abstract partial class AdministrationTests
{
    [Fact]
    public async Task A_routing_rule_added_after_a_filing_routes_the_very_next_filing()
    {
        var admin = await App.SignedInAsync("demo-admin");
        var category = await admin.AddCategoryAsync();
        var mahalla = await App.MahallaIdAsync("bodomzor");
        var citizen = await App.CitizenAsync();
        var council = (await citizen.FileAsync(category, mahalla))["responsibleOrganization"]!.Str("id");

        var provider = await admin.AddProviderAsync(AdminApi.Unique("Ichimlik suvi "));
        var rule = await admin.AddRuleAsync(category, mahalla, provider);
        Assert.Equal(provider.ToString(), (await citizen.FileAsync(category, mahalla))["responsibleOrganization"]!.Str("id"));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/routing-rules/{rule}")).StatusCode);
        Assert.Equal(council, (await citizen.FileAsync(category, mahalla))["responsibleOrganization"]!.Str("id"));
    }

    [Fact]
    public async Task A_holiday_saved_through_any_unit_of_work_moves_the_next_filings_deadline()
    {
        // Tuesday 7 November 2028, 10:00 in Tashkent; no holiday in the following week.
        App.Clock.Set(new DateTimeOffset(2028, 11, 7, 5, 0, 0, TimeSpan.Zero));
        try
        {
            var citizen = await App.CitizenAsync();
            Assert.Equal(EndOfDay(2028, 11, 8), Due(await citizen.FileAsync("other"), "registrationDueUtc"));

            // Not through the administration API: straight through a DbContext, as seeding or a script would.
            await App.WithDbAsync(db =>
            {
                db.Holidays.Add(new Holiday(Guid.CreateVersion7(), new DateOnly(2028, 11, 8), new LocalizedName("Test", "Тест", "Тест", "Test"), false));
                return db.SaveChangesAsync();
            });

            Assert.Equal(EndOfDay(2028, 11, 9), Due(await citizen.FileAsync("other"), "registrationDueUtc"));
        }
        finally
        {
            App.Clock.Set(FakeClock.OrdinaryTuesday);
        }
    }

    [Fact]
    public async Task A_category_switched_off_by_changing_its_loaded_row_refuses_the_very_next_filing()
    {
        var admin = await App.SignedInAsync("demo-admin");
        var category = await admin.AddCategoryAsync();
        var mahalla = await App.MahallaIdAsync("bodomzor");
        var citizen = await App.CitizenAsync();
        await citizen.FileAsync(category, mahalla); // the node's copy now holds the category, active

        // A change to a row the unit of work loaded (not an added one): the copy is dropped only if the change is detected.
        await App.WithDbAsync(async db =>
        {
            var row = await db.Categories.SingleAsync(c => c.Code == category);
            row.Update(row.Name, row.SortOrder, isActive: false);
            return await db.SaveChangesAsync();
        });

        var refused = await citizen.PostAsJsonAsync("/api/appeals", new { type = "complaint", categoryCode = category, territoryId = mahalla, text = "Suv yo'q." });
        Assert.Equal("categoryCode", (await refused.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().Single().Key);
    }

    [Fact]
    public async Task Another_nodes_copy_follows_an_edit_once_its_cache_time_is_over()
    {
        var admin = await App.SignedInAsync("demo-admin");
        var time = new SteppedTime();
        var otherNode = new ReferenceCache(time, Options.Create(new ReferenceDataOptions { CacheFor = TimeSpan.FromSeconds(30) }));
        var seed = Math.Abs(Guid.NewGuid().GetHashCode());
        var day = new DateOnly(2090 + (seed % 10), 1 + (seed / 10 % 12), 1 + (seed / 120 % 28));
        Assert.DoesNotContain(day, (await App.WithDbAsync(db => otherNode.GetAsync(db, default).AsTask())).Holidays);

        await admin.CreatedAsync("/api/admin/holidays", new { date = day.ToString("yyyy-MM-dd"), names = AdminApi.Names("Bayram"), isMoving = false });

        // This node sees it at once; the other keeps its copy until the cache time is over.
        Assert.Contains(day, (await App.WithDbAsync(db => App.Service(sp => sp.GetRequiredService<ReferenceCache>()).GetAsync(db, default).AsTask())).Holidays);
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.DoesNotContain(day, (await App.WithDbAsync(db => otherNode.GetAsync(db, default).AsTask())).Holidays);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Contains(day, (await App.WithDbAsync(db => otherNode.GetAsync(db, default).AsTask())).Holidays);
    }

    /// <summary>Elapsed time the test moves by hand (the reference cache measures its age on timestamps).</summary>
    private sealed class SteppedTime : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
