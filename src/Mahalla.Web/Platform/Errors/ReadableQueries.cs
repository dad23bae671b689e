using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Mahalla.Web.Platform.Errors;

/// <summary>
/// A page's address whose query holds a value the page cannot read (<c>/inbox?page=x</c>, <c>?overdue=maybe</c>, a
/// number past the largest one) shows the error page with 400 <c>error.address_unreadable</c> (ADR 0090). The pages read
/// their query into typed properties (<c>[SupplyParameterFromQuery]</c>), and Blazor throws when it cannot parse one: a
/// 500, for an address anyone can type or copy incompletely.
/// <para>
/// The names and types come from every component of the app, so a new page is covered the day it is written. The values
/// are parsed as Blazor parses them: the first value of a name counts, an empty one means none, numbers in the invariant
/// culture. A name read with a type that is not parsed here, or read with two types, stops the app at start.
/// </para>
/// </summary>
internal static class ReadableQueries
{
    // Declared before Typed, which uses it as it is built.
    /// <summary>
    /// The types a query value is checked as, before the page or operation that reads it, with the text that says what is
    /// expected instead. Both Blazor and minimal APIs read them as <c>IParsable</c> does in the invariant culture.
    /// </summary>
    internal static readonly FrozenDictionary<Type, (Func<string, bool> Parses, string Expected)> Parsers =
        new Dictionary<Type, (Func<string, bool>, string)>
        {
            [typeof(int)] = (Parses<int>, "validation.expected_number"),
            [typeof(long)] = (Parses<long>, "validation.expected_number"),
            [typeof(double)] = (Parses<double>, "validation.expected_number"),
            [typeof(decimal)] = (Parses<decimal>, "validation.expected_number"),
            [typeof(bool)] = (Parses<bool>, "validation.expected_true_or_false"),
            [typeof(Guid)] = (Parses<Guid>, "validation.expected_id"),
        }.ToFrozenDictionary();

    // Blazor parses its own way the numbers with a fraction, which no page reads from its query.
    private static readonly Type[] PageTypes = [typeof(int), typeof(long), typeof(bool), typeof(Guid)];

    /// <summary>Each query name that some component reads into a typed property, with that type.</summary>
    internal static readonly FrozenDictionary<string, Type> Typed = TypedNames(typeof(ReadableQueries).Assembly);

    public static IApplicationBuilder UseReadableQueries(this IApplicationBuilder app)
    {
        // Found here, as the app starts, so that a page's query the check cannot read stops it there.
        var typed = Typed;
        return app.Use((http, next) =>
        {
            if (!http.Request.QueryString.HasValue || http.Features.Get<IStatusCodeReExecuteFeature>() is not null)
            {
                return next(http);
            }

            if (BareStatusProblems.IsApi(http.Request.Path))
            {
                ApiQuery.ThrowIfUnreadable(http);
                return next(http);
            }

            if (!BareStatusProblems.IsPage(http.Request.Path))
            {
                return next(http);
            }

            foreach (var (name, values) in http.Request.Query)
            {
                if (typed.TryGetValue(name, out var type) && values.FirstOrDefault() is { Length: > 0 } first && !Parsers[type].Parses(first))
                {
                    BareStatusProblems.RefusePage(http, StatusCodes.Status400BadRequest, "error.address_unreadable");
                    return Task.CompletedTask;
                }
            }

            return next(http);
        });
    }

    private static bool Parses<T>(string value) where T : IParsable<T> => T.TryParse(value, CultureInfo.InvariantCulture, out _);

    private static FrozenDictionary<string, Type> TypedNames(Assembly assembly)
    {
        var typed = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        var properties = assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly));
        foreach (var property in properties)
        {
            if (property.GetCustomAttribute<SupplyParameterFromQueryAttribute>() is not { } query || property.PropertyType == typeof(string))
            {
                continue;
            }

            var name = query.Name ?? property.Name;
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (!PageTypes.Contains(type))
            {
                throw new InvalidOperationException($"{property.DeclaringType}.{property.Name}: a query value of type {type} is not checked before the page (ReadableQueries).");
            }

            if (typed.TryGetValue(name, out var other) && other != type)
            {
                throw new InvalidOperationException($"The query name '{name}' is read as {other} and as {type}; give one of them another name.");
            }

            typed[name] = type;
        }

        return typed.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}

/// <summary>
/// The API's part of ADR 0090. Minimal APIs refuse a query value they cannot bind before the handler runs, but with a
/// 400 that names nothing ("the request could not be read"). Here the operation's own parameters (from its handler, with
/// <c>[AsParameters]</c> read through) are checked first, as the framework would bind them, and a value that does not
/// parse, or a single value given more than once, is refused like a JSON field (ADR 0082, 0085): 400 with the parameter
/// named as it was sent, and what is expected there. An empty value of a number, flag or id means none, as on the pages.
/// </summary>
internal static class ApiQuery
{
    private sealed record Field(Type? Type, bool Many);

    // Weakly, so that an app that is gone (the tests start many) takes its endpoints with it.
    private static readonly ConditionalWeakTable<Endpoint, FrozenDictionary<string, Field>> Fields = new();

    public static void ThrowIfUnreadable(HttpContext http)
    {
        if (http.GetEndpoint() is not RouteEndpoint endpoint)
        {
            return;
        }

        var fields = Fields.GetValue(endpoint, e => Of((RouteEndpoint)e));
        if (fields.Count == 0)
        {
            return;
        }

        Validation? validation = null;
        var empty = false;
        foreach (var (name, values) in http.Request.Query)
        {
            if (!fields.TryGetValue(name, out var field))
            {
                continue;
            }

            if (field.Type is not null && values.All(string.IsNullOrEmpty))
            {
                empty = true;
            }
            else if (values.Count > 1 && !field.Many)
            {
                (validation ??= new()).Add(name, "validation.duplicate_field");
            }
            else if (field.Type is { } type && ReadableQueries.Parsers[type] is var (parses, expected)
                && values.Any(v => !string.IsNullOrEmpty(v) && !parses(v)))
            {
                (validation ??= new()).Add(name, expected);
            }
        }

        validation?.ThrowIfInvalid();

        // An empty number, flag or id means none, as on the pages (?overdue= from a form whose choice was left empty);
        // the framework would refuse it as a value it cannot bind.
        if (empty)
        {
            http.Request.QueryString = QueryString.Create(http.Request.Query
                .Where(q => !(fields.TryGetValue(q.Key, out var field) && field.Type is not null && q.Value.All(string.IsNullOrEmpty)))
                .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v))));
        }
    }

    /// <summary>The query parameters of an operation: their names, the type checked (null: text), and whether a list.</summary>
    private static FrozenDictionary<string, Field> Of(RouteEndpoint endpoint)
    {
        var fields = new Dictionary<string, Field>(StringComparer.OrdinalIgnoreCase);
        if (endpoint.Metadata.GetMetadata<MethodInfo>() is not { } method)
        {
            return fields.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        }

        foreach (var parameter in method.GetParameters())
        {
            if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                var constructor = parameter.ParameterType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
                foreach (var inner in constructor.GetParameters())
                {
                    Add(inner);
                }
            }
            else
            {
                Add(parameter);
            }
        }

        return fields.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

        void Add(ParameterInfo parameter)
        {
            var query = parameter.GetCustomAttribute<FromQueryAttribute>();
            if (query is null && (parameter.GetCustomAttributes().Any(a => a is IFromRouteMetadata or IFromHeaderMetadata or IFromBodyMetadata
                    or IFromFormMetadata or IFromServiceMetadata or FromKeyedServicesAttribute)
                || endpoint.RoutePattern.GetParameter(parameter.Name!) is not null))
            {
                return;
            }

            var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            var many = type.IsArray;
            var element = many ? type.GetElementType()! : type;
            element = Nullable.GetUnderlyingType(element) ?? element;
            if (element == typeof(string) || ReadableQueries.Parsers.ContainsKey(element))
            {
                fields[query?.Name ?? parameter.Name!] = new Field(element == typeof(string) ? null : element, many);
            }
        }
    }
}
