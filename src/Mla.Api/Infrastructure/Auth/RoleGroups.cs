namespace Mla.Api.Infrastructure.Auth;

/// <summary>Route groups that the roles of one policy alone may call.</summary>
public static class RoleGroups
{
    /// <summary>
    /// The routes under <paramref name="prefix"/>, for the roles of <paramref name="policy"/> only, filed under
    /// <paramref name="tag"/> in the API reference, each documenting the two refusals any of them may answer:
    /// 401 without a valid token, 403 for another role.
    /// </summary>
    public static RouteGroupBuilder MapRoleGroup(this IEndpointRouteBuilder routes, string prefix, string policy, string tag) =>
        routes.MapGroup(prefix).RequireAuthorization(policy).WithTags(tag)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}
