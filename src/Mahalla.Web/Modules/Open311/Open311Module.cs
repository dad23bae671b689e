using Mahalla.Web.Modules.Accounts.Data;
using Mahalla.Web.Modules.Open311.Clients;
using Mahalla.Web.Modules.Open311.Discovery;
using Mahalla.Web.Modules.Open311.PostRequest;
using Mahalla.Web.Modules.Open311.Protocol;
using Mahalla.Web.Modules.Open311.ServiceList;
using Mahalla.Web.Modules.Open311.ServiceRequests;
using Mahalla.Web.Modules.Open311.Tokens;
using Mahalla.Web.Modules.Open311.Updates;
using Mahalla.Web.Platform.Errors;
using Mahalla.Web.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Mahalla.Web.Modules.Open311;

/// <summary>
/// An Open311 GeoReport v2 server at <c>/open311/v2/</c>, so that organisations' own systems and civic apps can
/// read the reportable services, file reports and follow them — in XML and JSON, with the spec's errors — and
/// the administration of the client applications' keys (docs/open311.md, ADR 0061).
/// </summary>
public static class Open311Module
{
    public const string Prefix = "/open311/v2";

    public static IServiceCollection AddOpen311(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<Open311Options>().Bind(configuration.GetSection(Open311Options.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Open311Limiter>();
        services.AddScoped<ClientKeys>();
        services.AddScoped<ClientAdmin>();
        services.AddScoped<Jurisdictions>();
        services.AddScoped<ServiceCatalog>();
        services.AddScoped<PostServiceRequest>();
        services.AddScoped<Open311Filing>();
        services.AddSingleton<RecordOpen311Filing>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<RecordOpen311Filing>());
        services.AddScoped<TokenQueries>();
        services.AddScoped<RequestQueries>();
        services.AddScoped<UpdateQueries>();
        services.AddSingleton<SubmissionQueue>();
        services.AddHostedService<SubmissionProcessor>();
        services.AddHostedService<DemoClientSeed>();
        return services;
    }

    public static IEndpointRouteBuilder MapOpen311(this IEndpointRouteBuilder routes)
    {
        var v2 = routes.MapGroup(Prefix).WithTags("Open311").AllowAnonymous().DisableAntiforgery()
            .AddEndpointFilter(Open311Pipeline.RunAsync);

        v2.MapGet("/discovery.{format}", (string format, HttpContext http, IOptions<Open311Options> options) =>
            Open311Pipeline.Ok(format, DiscoveryDocument.Build(http.Request, options.Value)))
            .WithName("Open311Discovery").InBothFormats().WithSummary("Service discovery: the endpoint, its formats, how to get a key (format: xml or json).");

        v2.MapGet("/services.{format}", async Task<IResult> (string format, HttpContext http, Jurisdictions jurisdictions, ServiceCatalog catalog, CancellationToken ct) =>
        {
            await jurisdictions.ResolveAsync(Open311Pipeline.ArgumentsOf(http)["jurisdiction_id"], ct);
            return Open311Pipeline.Ok(format, catalog.List(await catalog.ListAsync(ct)));
        }).WithName("Open311Services").InBothFormats()
            .WithSummary("The reportable categories as services, named in the language of locale or Accept-Language (Uzbek Latin by default).");

        v2.MapGet("/services/{service_code}.{format}", async Task<IResult> ([FromRoute(Name = "service_code")] string serviceCode, string format,
            HttpContext http, Jurisdictions jurisdictions, ServiceCatalog catalog, CancellationToken ct) =>
        {
            await jurisdictions.ResolveAsync(Open311Pipeline.ArgumentsOf(http)["jurisdiction_id"], ct);
            var service = await catalog.FindAsync(serviceCode, ct)
                ?? throw Open311Exception.NotFound($"service_code{Open311Exception.Quoted(serviceCode)} was not found.");
            return Open311Pipeline.Ok(format, catalog.Definition(service));
        }).WithName("Open311ServiceDefinition").InBothFormats().WithArguments(Jurisdiction, Locale)
            .WithSummary("A service's definition: its questions as attributes (string, number, datetime, text, single- and multi-value lists).");

        v2.MapPost("/requests.{format}", async Task<IResult> (string format, HttpContext http, PostServiceRequest post, CancellationToken ct) =>
            Open311Pipeline.Ok(format, await post.PostAsync(http, ct)))
            .WithName("Open311PostRequest").InBothFormats().WithForm(
                ("api_key", "The client application's key (required)."), ("jurisdiction_id", Jurisdiction.Description), ("service_code", "A service's code (required)."),
                ("lat", "Latitude, WGS84 (with long)."), ("long", "Longitude, WGS84 (with lat)."),
                ("address_string", "An address or landmark; alone only with the jurisdiction_id of a mahalla."),
                ("address_id", "A mahalla's id or SOATO code."), ("attribute[code]", "The answer to a question; attribute[code][] repeated for a multivaluelist."),
                ("description", "What is wrong, up to 4,000 characters."), ("media_url", "An http(s) URL of a photo: recorded, never fetched, never published."),
                ("locale", Locale.Description))
            .WithSummary("File a report (form-encoded): api_key, service_code, lat+long or address_string or address_id, attribute[code], description, media_url.")
            .WithDescription("Returns service_request_id (the tracking number) for a realtime service, a token for a batch one. Contact arguments (email, names, phone, device_id, account_id) are ignored and never stored; media_url is recorded, never fetched and never published.")
            .Produces(StatusCodes.Status403Forbidden, null, Wire.XmlContentType, Wire.JsonContentType);

        v2.MapGet("/requests.{format}", async Task<IResult> (string format, HttpContext http, Jurisdictions jurisdictions, RequestQueries queries,
            TimeProvider clock, CancellationToken ct) =>
        {
            var arguments = Open311Pipeline.ArgumentsOf(http);
            var jurisdiction = await jurisdictions.ResolveAsync(arguments["jurisdiction_id"], ct);
            var filter = RequestQueries.FilterFrom(arguments, clock.GetUtcNow().UtcDateTime);
            return Open311Pipeline.Ok(format, await queries.ListAsync(filter, jurisdiction, http.Request, ct));
        }).WithName("Open311Requests").InBothFormats().WithArguments(Jurisdiction, Locale,
            ("service_request_id", "Tracking numbers, comma-separated; overrides the other arguments."), ("service_code", "Service codes, comma-separated."),
            ("start_date", "W3C date-time with a zone; the window spans 90 days at most."), ("end_date", "W3C date-time with a zone."),
            ("status", "open, closed, or both."), ("page", "Page number, from 1."), ("page_size", "Requests per page, 1000 at most."))
            .WithSummary("Reports, newest first: service_request_id (comma list, overrides the rest), service_code, start_date, end_date (90 days at most, the last 90 by default), status open|closed, page, page_size (1000 at most).");

        v2.MapGet("/requests/{service_request_id}.{format}", async Task<IResult> ([FromRoute(Name = "service_request_id")] string serviceRequestId,
            string format, HttpContext http, Jurisdictions jurisdictions, RequestQueries queries, CancellationToken ct) =>
        {
            var jurisdiction = await jurisdictions.ResolveAsync(Open311Pipeline.ArgumentsOf(http)["jurisdiction_id"], ct);
            return Open311Pipeline.Ok(format, await queries.GetAsync(serviceRequestId, jurisdiction, http.Request, ct));
        }).WithName("Open311Request").InBothFormats().WithArguments(Jurisdiction, Locale).WithSummary("One report by its tracking number.");

        v2.MapGet("/tokens/{token}.{format}", async Task<IResult> (string token, string format, HttpContext http, Jurisdictions jurisdictions,
            TokenQueries tokens, CancellationToken ct) =>
        {
            await jurisdictions.ResolveAsync(Open311Pipeline.ArgumentsOf(http)["jurisdiction_id"], ct);
            return Open311Pipeline.Ok(format, await tokens.GetAsync(token, ct));
        }).WithName("Open311Token").InBothFormats().WithArguments(Jurisdiction).WithSummary("The service_request_id of a queued request, once it has been filed (empty until then).");

        v2.MapGet("/servicerequestupdates.{format}", async Task<IResult> (string format, HttpContext http, Jurisdictions jurisdictions,
            UpdateQueries updates, TimeProvider clock, CancellationToken ct) =>
        {
            var arguments = Open311Pipeline.ArgumentsOf(http);
            var jurisdiction = await jurisdictions.ResolveAsync(arguments["jurisdiction_id"], ct);
            var (from, to) = RequestQueries.Window(arguments, clock.GetUtcNow().UtcDateTime);
            return Open311Pipeline.Ok(format, await updates.ListAsync(from, to, jurisdiction, ct));
        }).WithName("Open311Updates").InBothFormats().WithArguments(Jurisdiction, Locale,
            ("start_date", "W3C date-time with a zone; the window spans 90 days at most."), ("end_date", "W3C date-time with a zone."))
            .WithSummary("FixMyStreet's status-update extension: every change of every report between start_date and end_date, oldest first.");

        v2.MapFallback("{**path}", () => Task.FromException<IResult>(Open311Exception.NotFound("No such resource: see discovery.xml.")))
            .ExcludeFromDescription();

        var admin = routes.MapGroup("/api/admin/open311/clients").WithTags("Administration")
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapGet("/", async Task<Ok<IReadOnlyList<ClientView>>> (ClientAdmin clients, CancellationToken ct) =>
            TypedResults.Ok(await clients.ListAsync(ct)))
            .WithName("AdminOpen311Clients").WithSummary("The Open311 client applications and their keys' first characters (never the keys).");
        admin.MapPost("/", async Task<Created<IssuedClient>> (IssueClientRequest request, ClientAdmin clients, CancellationToken ct) =>
        {
            var issued = await clients.IssueAsync(request, ct);
            return TypedResults.Created($"/api/admin/open311/clients/{issued.Id}", issued);
        }).WithName("AdminIssueOpen311Client")
            .WithSummary("Issue a key to a client application; the answer carries the key, which is shown this once and stored only as a hash.");
        admin.MapPost("/{id:guid}/revocation", async Task<Results<Ok<ClientView>, ProblemHttpResult>> (Guid id, ClientAdmin clients, Texts texts, CancellationToken ct) =>
            await clients.RevokeAsync(id, ct) is { } revoked
                ? TypedResults.Ok(revoked)
                : TypedResults.Problem(Problems.Create(texts, StatusCodes.Status404NotFound, "error.not_found")))
            .WithName("AdminRevokeOpen311Client").WithSummary("Revoke a client's key: its next request is refused with a 403.");
        return routes;
    }

    private static readonly (string Name, string Description) Jurisdiction =
        ("jurisdiction_id", "Optional: the platform's id (Open311:JurisdictionId) or a territory's SOATO code, which narrows the answer to that territory.");

    private static readonly (string Name, string Description) Locale =
        ("locale", "The language of names and notices: uz-Latn (default), uz-Cyrl, ru or en; otherwise Accept-Language decides.");

    /// <summary>Documents the query arguments, which the endpoints read themselves (strictly, see Open311Pipeline).</summary>
    private static RouteHandlerBuilder WithArguments(this RouteHandlerBuilder endpoint, params (string Name, string Description)[] arguments) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            foreach (var (name, description) in arguments)
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = name, In = ParameterLocation.Query, Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }

            return Task.CompletedTask;
        });

    /// <summary>Documents a form body (application/x-www-form-urlencoded) of string fields.</summary>
    private static RouteHandlerBuilder WithForm(this RouteHandlerBuilder endpoint, params (string Name, string Description)[] fields) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/x-www-form-urlencoded"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Required = new HashSet<string> { "api_key", "service_code" },
                            Properties = fields.ToDictionary(f => f.Name, f => (IOpenApiSchema)new OpenApiSchema { Type = JsonSchemaType.String, Description = f.Description }),
                        },
                    },
                },
            };
            return Task.CompletedTask;
        });

    /// <summary>Every GeoReport answer, success or error list, comes in XML or JSON as the resource's extension says.</summary>
    private static RouteHandlerBuilder InBothFormats(this RouteHandlerBuilder endpoint) => endpoint
        .Produces(StatusCodes.Status200OK, null, Wire.XmlContentType, Wire.JsonContentType)
        .Produces(StatusCodes.Status400BadRequest, null, Wire.XmlContentType, Wire.JsonContentType)
        .Produces(StatusCodes.Status404NotFound, null, Wire.XmlContentType, Wire.JsonContentType)
        .Produces(StatusCodes.Status429TooManyRequests, null, Wire.XmlContentType, Wire.JsonContentType);
}
