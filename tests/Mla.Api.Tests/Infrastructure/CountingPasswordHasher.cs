using Microsoft.AspNetCore.Identity;
using Mla.Api.Infrastructure.Auth;

namespace Mla.Api.Tests.Infrastructure;

/// <summary>The application's password hasher, counting verifications: a test can tell that a path did the work of one.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<UserAccount>
{
    private readonly PasswordHasher<UserAccount> _inner = new();
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(UserAccount user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(UserAccount user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
