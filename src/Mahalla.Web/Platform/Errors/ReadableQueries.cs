using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Diagnostics;

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
    private static readonly FrozenDictionary<Type, Func<string, bool>> Parsers = new Dictionary<Type, Func<string, bool>>
    {
        [typeof(int)] = v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        [typeof(long)] = v => long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        [typeof(bool)] = v => bool.TryParse(v, out _),
        [typeof(Guid)] = v => Guid.TryParse(v, out _),
    }.ToFrozenDictionary();

    /// <summary>Each query name that some component reads into a typed property, with that type.</summary>
    internal static readonly FrozenDictionary<string, Type> Typed = TypedNames(typeof(ReadableQueries).Assembly);

    public static IApplicationBuilder UseReadableQueries(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            if (!http.Request.QueryString.HasValue || !BareStatusProblems.IsPage(http.Request.Path)
                || http.Features.Get<IStatusCodeReExecuteFeature>() is not null)
            {
                return next(http);
            }

            foreach (var (name, values) in http.Request.Query)
            {
                if (Typed.TryGetValue(name, out var type) && values.FirstOrDefault() is { Length: > 0 } first && !Parsers[type](first))
                {
                    http.Response.StatusCode = StatusCodes.Status400BadRequest;
                    http.Items[BareStatusProblems.Refusal] = "error.address_unreadable";
                    return Task.CompletedTask;
                }
            }

            return next(http);
        });

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
            if (!Parsers.ContainsKey(type))
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
