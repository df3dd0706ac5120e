using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Mla.Api.Features.Auth;

public sealed record IssueTokenCommand(string Username, string Password) : ICommand<IssueTokenResult>;

public sealed record TokenDto(string AccessToken, DateTimeOffset ExpiresAt);

/// <summary>A token, or null when the credentials were refused (the reason is logged, never returned).</summary>
public sealed record IssueTokenResult(TokenDto? Token);

public sealed class IssueTokenValidator : AbstractValidator<IssueTokenCommand>
{
    public IssueTokenValidator()
    {
        RuleFor(command => command.Username).NotEmpty().MaximumLength(100).MustBeSingleLineText();
        RuleFor(command => command.Password).NotEmpty().MaximumLength(500);
    }
}

public sealed partial class IssueTokenHandler(
    IDbSession session,
    IPasswordHasher<UserAccount> hasher,
    TokenIssuer issuer,
    AuthOptions options,
    TimeProvider time,
    ILogger<IssueTokenHandler> logger) : ICommandHandler<IssueTokenCommand, IssueTokenResult>
{
    private const string FindUserSql = UserAccount.SelectColumnsSql + " WHERE username = @username";

    private const string RecordFailureSql = "UPDATE users SET failed_sign_ins = @failed, locked_until = @lockedUntil WHERE id = @id";

    private const string RecordSuccessSql = "UPDATE users SET failed_sign_ins = 0, locked_until = NULL, password_hash = @passwordHash WHERE id = @id";

    private static readonly UserAccount Decoy = new() { Username = "decoy", DisplayName = "decoy", Role = "admin" };

    // Verified against when there is no password to check (unknown user, or one signing in elsewhere), so
    // that every refusal costs one verification, as a wrong password does, and takes as long. Its password
    // is random and forgotten: nothing can match it.
    private static readonly string DecoyHash = new PasswordHasher<UserAccount>().HashPassword(Decoy, RandomNumberGenerator.GetHexString(32));

    public async ValueTask<IssueTokenResult> Handle(IssueTokenCommand command, CancellationToken cancellationToken)
    {
        var username = command.Username.Trim().ToLowerInvariant();
        var user = await session.QuerySingleOrDefaultAsync<UserAccount>(FindUserSql, new { username }, cancellationToken);
        var now = time.GetUtcNow();

        // Every path verifies a password, whatever it then decides: the time taken tells nothing.
        var verification = user?.PasswordHash is { } hash
            ? hasher.VerifyHashedPassword(user, hash, command.Password)
            : hasher.VerifyHashedPassword(Decoy, DecoyHash, command.Password);

        if (user is null)
        {
            // What was typed is not logged: it may be a password typed in the wrong field.
            LogUnknownUser(logger);
            return new IssueTokenResult(null);
        }

        if (user.PasswordHash is null)
        {
            LogRefused(logger, username, "no password (external sign-in only)");
            return new IssueTokenResult(null);
        }

        if (user.IsDisabled)
        {
            LogRefused(logger, username, "disabled");
            return new IssueTokenResult(null);
        }

        if (user.LockedUntil > now)
        {
            LogRefused(logger, username, "locked");
            return new IssueTokenResult(null);
        }

        if (verification == PasswordVerificationResult.Failed)
        {
            // A lock that has run out starts a fresh count.
            var failed = (user.LockedUntil is null ? user.FailedSignIns : 0) + 1;
            var locks = failed >= options.MaxFailedSignIns;
            await session.ExecuteAsync(RecordFailureSql, new
            {
                id = user.Id,
                failed = locks ? 0 : failed,
                lockedUntil = locks ? now.AddMinutes(options.LockoutMinutes) : (DateTimeOffset?)null,
            }, cancellationToken);
            LogRefused(logger, username, locks ? "wrong password; account locked" : "wrong password");
            return new IssueTokenResult(null);
        }

        var passwordHash = verification == PasswordVerificationResult.SuccessRehashNeeded
            ? hasher.HashPassword(user, command.Password)
            : user.PasswordHash;
        await session.ExecuteAsync(RecordSuccessSql, new { id = user.Id, passwordHash }, cancellationToken);
        var (accessToken, expiresAt) = issuer.Issue(user);
        LogIssued(logger, username, user.Role);
        return new IssueTokenResult(new TokenDto(accessToken, expiresAt));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused for an unknown username")]
    private static partial void LogUnknownUser(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused for {Username}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string username, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Token issued to {Username} ({Role})")]
    private static partial void LogIssued(ILogger logger, string username, string role);
}
