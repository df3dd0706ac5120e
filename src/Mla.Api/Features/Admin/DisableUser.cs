using Mla.Api.Infrastructure.Audit;

namespace Mla.Api.Features.Admin;

/// <summary>Disables an account: its unexpired tokens are rejected from the next request on.</summary>
public sealed record DisableUserCommand(Guid UserId) : ICommand<UserDto>;

public sealed class DisableUserHandler(IDbSession session, ICurrentUser currentUser, AuditTrail audit, TimeProvider time)
    : ICommandHandler<DisableUserCommand, UserDto>
{
    private const string FindSql = UserAccount.SelectColumnsSql + " WHERE id = @id";

    private const string DisableSql = "UPDATE users SET is_disabled = @disabled, disabled_at = @now WHERE id = @id";

    public async ValueTask<UserDto> Handle(DisableUserCommand command, CancellationToken cancellationToken)
    {
        var user = await session.QuerySingleOrDefaultAsync<UserAccount>(FindSql, new { id = command.UserId }, cancellationToken)
            ?? throw new NotFoundException("No such user.");
        if (user.Id == currentUser.Id)
        {
            throw new ConflictException("An administrator cannot disable their own account.");
        }

        if (user.IsDisabled)
        {
            return UserDto.From(user);
        }

        var now = time.GetUtcNow();
        await session.ExecuteAsync(DisableSql, new { id = user.Id, disabled = true, now }, cancellationToken);
        await audit.RecordAsync("disable-user", "user", user.Username, null, cancellationToken);
        return UserDto.From(user with { IsDisabled = true });
    }
}
