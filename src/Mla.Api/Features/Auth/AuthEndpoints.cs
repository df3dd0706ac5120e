using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Mla.Api.Infrastructure.Auth;

namespace Mla.Api.Features.Auth;

/// <summary>Routes for signing in and for the signed-in user.</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/auth/token", IssueTokenAsync)
            .AllowAnonymous()
            .RequireRateLimiting(AuthServiceCollectionExtensions.TokenRateLimitPolicy)
            .WithTags("Authentication")
            .WithName("IssueToken")
            .WithSummary("Exchange a username and password for a bearer token")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        routes.MapGet("/api/me", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetMeQuery(), ct)))
            .WithTags("Authentication")
            .WithName("GetMe")
            .WithSummary("The signed-in user, role, State or network, and what the role may do")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        return routes;
    }

    private static async Task<Results<Ok<TokenDto>, ProblemHttpResult>> IssueTokenAsync(IssueTokenCommand command, ISender sender, CancellationToken ct)
    {
        var result = await sender.Send(command, ct);
        return result.Token is { } token
            ? TypedResults.Ok(token)
            : TypedResults.Problem(
                title: "Sign-in refused",
                detail: "The username or password is wrong, or the account is locked or disabled.",
                statusCode: StatusCodes.Status401Unauthorized);
    }
}
