using Mahalla.Web.Components;
using Mahalla.Web.Modules.Accounts;
using Mahalla.Web.Modules.Administration;
using Mahalla.Web.Modules.Appeals;
using Mahalla.Web.Modules.Delivery;
using Mahalla.Web.Modules.ReferenceData;
using Mahalla.Web.Modules.Reports;
using Mahalla.Web.Modules.Notifications;
using Mahalla.Web.Modules.Open311;
using Mahalla.Web.Modules.Transparency;
using Mahalla.Web.Modules.Triage;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Errors;
using Mahalla.Web.Platform.Localization;
using Mahalla.Web.Platform.Process;
using Mahalla.Web.Platform.Web;

var builder = WebApplication.CreateBuilder(args);

// Process: the C heap sized for a small node (ADR 0013)
NativeHeap.LimitArenas(builder.Configuration);

// Framework services
builder.Services.AddMahallaHttp();
builder.Services.AddMahallaLocalization();
builder.Services.AddMahallaRateLimits(builder.Configuration);
builder.Services.AddMahallaDatabase(builder.Configuration, builder.Environment);
builder.Services.AddRazorComponents();

// Modules
builder.Services.AddAccounts();
builder.Services.AddDirectory();
builder.Services.AddNotifications(builder.Configuration);
builder.Services.AddAppeals(builder.Configuration);
builder.Services.AddTriage(builder.Configuration);
builder.Services.AddReports(builder.Configuration);
builder.Services.AddDelivery(builder.Configuration);
builder.Services.AddOpen311(builder.Configuration);
builder.Services.AddTransparency(builder.Configuration);
builder.Services.AddAdministration();

var app = builder.Build();

// Pipeline
app.UseRequestLocalization();
app.UseExceptionHandler();
app.UseProblemsForBareErrors();
app.UseSecurityHeaders();
app.UseResponseCompression();
app.UseStaticFiles();
app.UseAuthentication();
app.UseRevokedSignInCheck();
app.UseAuthorization();
app.UseRateLimiter();
app.UseReadableQueries();
app.UseReadableBodies();
app.UseAntiforgery();
app.UseErrorPageForExpiredForms();

// Endpoints
app.MapHealth();
app.MapOpenApi();
app.MapLanguageSwitch();
app.MapDirectory();
app.MapAccounts();
app.MapAppeals();
app.MapTriage();
app.MapReports();
app.MapDelivery();
app.MapOpen311();
app.MapNotifications();
app.MapTransparency();
app.MapAdministration();
app.MapPages();
app.MapRazorComponents<App>();

await app.MigrateAndSeedAsync();
app.PrintWelcomeOnStart();
await app.RunAsync();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
