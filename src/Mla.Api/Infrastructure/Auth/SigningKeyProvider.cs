using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Mla.Api.Infrastructure.Auth;

/// <summary>
/// The key that signs Mla's own tokens: from configuration, or, on the embedded default only, generated
/// on first run into <c>data/signing-key</c>, readable by the service account alone. Never committed.
/// </summary>
public sealed class SigningKeyProvider
{
    public const int MinimumKeyBytes = 32;

    public SigningKeyProvider(AuthOptions options, DatabaseOptions database, IHostEnvironment environment)
    {
        var bytes = options.SigningKey is { Length: > 0 } configured
            ? Decode(configured)
            : database.Engine == DatabaseEngine.Sqlite
                ? LoadOrCreate(Path.Combine(environment.ContentRootPath, "data", "signing-key"))
                : throw new InvalidOperationException("Authentication:SigningKey must be configured (base64, at least 32 bytes) when the database is a server engine.");
        Key = new SymmetricSecurityKey(bytes) { KeyId = Convert.ToHexString(SHA256.HashData(bytes))[..16] };
    }

    public SymmetricSecurityKey Key { get; }

    private static byte[] Decode(string configured)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(configured);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("Authentication:SigningKey must be base64.");
        }

        return bytes.Length >= MinimumKeyBytes
            ? bytes
            : throw new InvalidOperationException($"Authentication:SigningKey must be at least {MinimumKeyBytes} bytes.");
    }

    private static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return Decode(File.ReadAllText(path).Trim());
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = RandomNumberGenerator.GetBytes(64);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
            writer.Write(Convert.ToBase64String(bytes));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance created it first: use theirs.
            return Decode(File.ReadAllText(path).Trim());
        }

        return bytes;
    }
}
