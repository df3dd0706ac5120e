using Microsoft.AspNetCore.Http.HttpResults;
using Mla.Api.Infrastructure.OpenApi;

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
            .WithDescription("""
                Answers `accessToken`, to send as `Authorization: Bearer <token>` on every other operation, and when it
                expires (`expiresAt`, 30 minutes by default); then sign in again. Five wrong passwords in a row lock the
                account for 15 minutes. Users of an external OpenID Connect provider get their tokens from it instead.
                """)
            .WithRequestExamples(_ => [new RequestExample("demo", "A demo account (Development only)", new { username = "mli.ca", password = "Mla-demo-2026!" })])
            .WithResponseDescription(StatusCodes.Status401Unauthorized, "Sign-in refused: the username or password is wrong, or the account is locked or disabled (the answer does not say which).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        routes.MapGet("/api/me", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetMeQuery(), ct)))
            .WithTags("Authentication")
            .WithName("GetMe")
            .WithSummary("The signed-in user, role, State or network, and what the role may do")
            .WithDescription("Who the token belongs to: role, State (or network for a secretariat) and `permissions`, so a client knows which parts of its interface to show.")
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
