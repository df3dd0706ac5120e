using Mla.Api.Infrastructure.Audit;
using Mla.Domain.Access;

namespace Mla.Api.Features.Auth;

/// <summary>
/// The signed-in user opts in or out of e-mail notices, for their own account only (there is no user id
/// to give). An address may be given only while the account has none: an address an administrator set
/// stays as set, so a stolen session cannot redirect a focal point's notices to another mailbox.
/// </summary>
/// <param name="Email">True to receive an e-mail when a request reaches the user's State or changes status.</param>
/// <param name="EmailAddress">The address for an account that has none yet; the account's own address otherwise (or nothing).</param>
public sealed record ChangeNotificationsCommand(bool Email, string? EmailAddress = null) : ICommand<MeDto>;

public sealed class ChangeNotificationsValidator : AbstractValidator<ChangeNotificationsCommand>
{
    public ChangeNotificationsValidator() =>
        RuleFor(command => command.EmailAddress).MaximumLength(200).MustBeSingleLineText().EmailAddress()
            .When(command => command.EmailAddress is not null);
}

public sealed class ChangeNotificationsHandler(IDbSession session, ICurrentUser currentUser, AuditTrail audit, MeReader reader)
    : ICommandHandler<ChangeNotificationsCommand, MeDto>
{
    private const string AddressSql = "SELECT email FROM users WHERE id = @id";

    private const string ChangeSql = "UPDATE users SET email_notices = @notices, email = @email WHERE id = @id";

    public async ValueTask<MeDto> Handle(ChangeNotificationsCommand command, CancellationToken cancellationToken)
    {
        // Notices tell of a State's requests: a secretariat or an administrator sees none.
        if (currentUser.Role is Role.Secretariat or Role.Admin)
        {
            throw new ForbiddenException("Notices tell of a State's requests; this role sees none.");
        }

        var current = await session.QuerySingleOrDefaultAsync<string?>(AddressSql, new { id = currentUser.Id }, cancellationToken);
        var given = command.EmailAddress?.Trim();
        if (given is not null && current is not null && !string.Equals(given, current, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidInputException(new Dictionary<string, string[]>
            {
                ["emailAddress"] = ["This account already has an address, set by an administrator: ask one to change it."],
            });
        }

        var address = current ?? given;
        if (command.Email && address is null)
        {
            throw new InvalidInputException(new Dictionary<string, string[]>
            {
                ["emailAddress"] = ["This account has no e-mail address: give the one notices should go to."],
            });
        }

        await session.ExecuteAsync(ChangeSql, new { id = currentUser.Id, notices = command.Email, email = address }, cancellationToken);
        await audit.RecordAsync("change-notice-preferences", "user", currentUser.Username, new { command.Email, addressAdded = current is null && given is not null }, cancellationToken);
        return await reader.ReadAsync(cancellationToken);
    }
}
