namespace Mla.Api.Features.Directory;

/// <summary>Routes of the directory of central authorities and focal points.</summary>
public static class DirectoryEndpoints
{
    public static IEndpointRouteBuilder MapDirectoryEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/directory", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetDirectoryQuery(), ct)))
            .WithTags("Directory")
            .WithName("GetDirectory")
            .WithSummary("Central authorities and network focal points: names, functions, languages, phones, e-mails")
            .WithDescription("Whom to contact in each State: its central authority (address, phone, e-mail, languages) and the focal points of the regional networks. Any signed-in user.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return routes;
    }
}
