using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Mla.Api.Infrastructure.Hosting;

namespace Mla.Api.Infrastructure.OpenApi;

/// <summary>
/// Applies what endpoint files declared through <see cref="OpenApiConventions"/>: parameter and form field
/// descriptions, body examples, response headers and descriptions, and problem schemas.
/// </summary>
internal sealed class EndpointDocumentationTransformer(TimeProvider time) : IOpenApiOperationTransformer
{
    private const string Json = "application/json";
    private const string Form = "multipart/form-data";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        FlattenForm(operation);

        // Group metadata comes first and the route's own last: the last description of a name wins.
        foreach (var described in metadata.OfType<ParameterDescriptionMetadata>())
        {
            Describe(operation, described);
        }

        foreach (var examples in metadata.OfType<RequestExamplesMetadata>())
        {
            AddExamples(operation, examples.Examples(time));
        }

        foreach (var header in metadata.OfType<ResponseHeaderMetadata>())
        {
            OperationResponses.AddHeader(operation, header.StatusCode, header.Name, header.Description);
        }

        foreach (var response in metadata.OfType<ResponseDescriptionMetadata>())
        {
            if (OperationResponses.Find(operation, response.StatusCode) is { } found)
            {
                found.Description = response.Description;
            }
        }

        foreach (var problem in metadata.OfType<ProblemSchemaMetadata>())
        {
            OperationResponses.UseProblemSchema(operation, problem.StatusCode, new OpenApiSchemaReference(problem.SchemaId, context.Document));
        }

        return Task.CompletedTask;
    }

    private static void Describe(OpenApiOperation operation, ParameterDescriptionMetadata described)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.Name == described.Name))
        {
            parameter.Description = described.Description;
        }

        if (FormSchema(operation)?.Properties is { } fields && fields.TryGetValue(described.Name, out var field))
        {
            switch (field)
            {
                case OpenApiSchema schema:
                    schema.Description = described.Description;
                    break;
                case OpenApiSchemaReference reference:
                    reference.Description = described.Description;
                    break;
            }
        }
    }

    // The generator describes a form bound from several parameters as an allOf of one-field objects,
    // which client generators turn into odd types: one object with every field says the same.
    private static void FlattenForm(OpenApiOperation operation)
    {
        if (FormSchema(operation) is not { AllOf.Count: > 0 } form)
        {
            return;
        }

        form.Properties ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var part in form.AllOf.OfType<OpenApiSchema>().Where(part => part.Properties is not null))
        {
            foreach (var (name, schema) in part.Properties!)
            {
                form.Properties[name] = schema;
            }
        }

        form.AllOf = null;
        form.Type = JsonSchemaType.Object;
    }

    private static OpenApiSchema? FormSchema(OpenApiOperation operation) =>
        operation.RequestBody?.Content is { } content && content.TryGetValue(Form, out var media) ? media.Schema as OpenApiSchema : null;

    private static void AddExamples(OpenApiOperation operation, IReadOnlyList<RequestExample> examples)
    {
        if (operation.RequestBody?.Content is not { } content || !content.TryGetValue(Json, out var media) || media is not OpenApiMediaType body)
        {
            return;
        }

        body.Examples ??= new Dictionary<string, IOpenApiExample>();
        foreach (var example in examples)
        {
            body.Examples[example.Name] = new OpenApiExample
            {
                Summary = example.Summary,
                // Written with the API's own conventions, so the example is exactly what the API reads.
                Value = JsonSerializer.SerializeToNode(example.Body, MlaJson.Options),
            };
        }
    }
}
