namespace Mla.Api.Infrastructure.OpenApi;

/// <summary>
/// Route metadata that only the OpenAPI document reads, so an endpoint file can say everything about its
/// routes in chained calls beside <c>WithSummary</c>, without touching the handlers:
/// <see cref="EndpointDocumentationTransformer"/> applies it.
/// </summary>
public static class OpenApiConventions
{
    /// <summary>
    /// Describes a route, query or header parameter, or a field of a multipart form, by its name. Put on a
    /// group, it describes that parameter on every route of the group that has it; a route's own wins.
    /// </summary>
    public static TBuilder DescribeParameter<TBuilder>(this TBuilder builder, string name, string description)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ParameterDescriptionMetadata(name, description));

    /// <summary>Named examples of the JSON body, computed when the document is served (dates are today's).</summary>
    public static TBuilder WithRequestExamples<TBuilder>(this TBuilder builder, Func<TimeProvider, IReadOnlyList<RequestExample>> examples)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestExamplesMetadata(examples));

    /// <summary>A header the route sets on its answer with <paramref name="statusCode"/>.</summary>
    public static TBuilder WithResponseHeader<TBuilder>(this TBuilder builder, int statusCode, string name, string description)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ResponseHeaderMetadata(statusCode, name, description));

    /// <summary>What the answer with <paramref name="statusCode"/> means on this route, when the general meaning is not enough.</summary>
    public static TBuilder WithResponseDescription<TBuilder>(this TBuilder builder, int statusCode, string description)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ResponseDescriptionMetadata(statusCode, description));

    /// <summary>
    /// The problem answered with <paramref name="statusCode"/> carries extension members: its schema is the
    /// named one of <see cref="ProblemSchemas"/> instead of the plain problem.
    /// </summary>
    public static TBuilder WithProblemSchema<TBuilder>(this TBuilder builder, int statusCode, string schemaId)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProblemSchemaMetadata(statusCode, schemaId));
}

/// <summary>A named example of a request body, with a one-line summary shown in the API reference.</summary>
public sealed record RequestExample(string Name, string Summary, object Body);

public sealed record ParameterDescriptionMetadata(string Name, string Description);

public sealed record RequestExamplesMetadata(Func<TimeProvider, IReadOnlyList<RequestExample>> Examples);

public sealed record ResponseHeaderMetadata(int StatusCode, string Name, string Description);

public sealed record ResponseDescriptionMetadata(int StatusCode, string Description);

public sealed record ProblemSchemaMetadata(int StatusCode, string SchemaId);
