using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mahalla.Web.Platform.Web;

/// <summary>
/// Request bodies refuse fields they do not have, and the document says so (<c>additionalProperties: false</c>, which
/// the schema generator takes from the serializer's options). Answers are another matter: we add fields to them as the
/// product grows, and a client that checks an answer against the document must not break when we do. Every schema an
/// answer uses is therefore left open (ADR 0082).
/// </summary>
internal sealed class OpenApiAnswersStayOpen : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var components = document.Components?.Schemas;
        var seen = new HashSet<IOpenApiSchema>(ReferenceEqualityComparer.Instance);
        var answers = document.Paths.Values
            .SelectMany(path => path.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(operation => operation.Responses?.Values.AsEnumerable() ?? [])
            .SelectMany(response => response.Content?.Values.AsEnumerable() ?? [])
            .Select(media => media.Schema);
        foreach (var schema in answers)
        {
            Open(schema, components, seen);
        }

        return Task.CompletedTask;
    }

    private static void Open(IOpenApiSchema? schema, IDictionary<string, IOpenApiSchema>? components, HashSet<IOpenApiSchema> seen)
    {
        if (schema is OpenApiSchemaReference reference)
        {
            schema = reference.Reference.Id is { } id && components is not null && components.TryGetValue(id, out var target) ? target : null;
        }

        if (schema is not OpenApiSchema concrete || !seen.Add(concrete))
        {
            return;
        }

        if (concrete.AdditionalProperties is null)
        {
            concrete.AdditionalPropertiesAllowed = true;
        }

        IEnumerable<IOpenApiSchema?> inner =
        [
            .. concrete.Properties?.Values ?? [], concrete.Items, concrete.AdditionalProperties,
            .. concrete.AllOf ?? [], .. concrete.AnyOf ?? [], .. concrete.OneOf ?? [],
        ];
        foreach (var child in inner)
        {
            Open(child, components, seen);
        }
    }
}
