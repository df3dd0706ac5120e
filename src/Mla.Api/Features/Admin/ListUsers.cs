namespace Mla.Api.Features.Admin;

public sealed record ListUsersQuery : IQuery<IReadOnlyList<UserDto>>;

public sealed class ListUsersHandler(IDbSession session) : IQueryHandler<ListUsersQuery, IReadOnlyList<UserDto>>
{
    private const string ListSql = UserAccount.SelectColumnsSql + " ORDER BY username";

    public async ValueTask<IReadOnlyList<UserDto>> Handle(ListUsersQuery query, CancellationToken cancellationToken) =>
        (await session.QueryAsync<UserAccount>(ListSql, null, cancellationToken)).Select(UserDto.From).ToList();
}
