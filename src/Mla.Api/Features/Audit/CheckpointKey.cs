using System.Security.Cryptography;
using System.Text;

namespace Mla.Api.Features.Audit;

/// <summary>
/// The key that signs checkpoints (HMAC-SHA256): <c>Audit:CheckpointKey</c>, or else one derived (HKDF)
/// from the service's token signing key, so that a checkpoint signature can never pass for a token's and
/// the other way round. Resolved on first use: only the verbs and the job that sign or check a
/// checkpoint need it.
/// </summary>
public sealed class CheckpointKey
{
    private static readonly byte[] DerivationLabel = Encoding.ASCII.GetBytes("mla checkpoint signing key v1");

    private readonly byte[] _key;

    public CheckpointKey(AuditOptions options, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(services);
        _key = options.CheckpointKey is { Length: > 0 } configured
            ? Decode(configured)
            : HKDF.DeriveKey(HashAlgorithmName.SHA256, services.GetRequiredService<SigningKeyProvider>().Key.Key, 32, salt: [], info: DerivationLabel);
        Id = Convert.ToHexString(SHA256.HashData(_key))[..16];
    }

    /// <summary>Names the key without revealing it (the first 16 hex digits of its SHA-256), so a checkpoint says which key signed it.</summary>
    public string Id { get; }

    public byte[] Sign(string text) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text));

    public bool Verifies(string text, byte[] signature) =>
        CryptographicOperations.FixedTimeEquals(Sign(text), signature);

    private static byte[] Decode(string configured)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(configured);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("Audit:CheckpointKey must be base64.");
        }

        return bytes.Length >= SigningKeyProvider.MinimumKeyBytes
            ? bytes
            : throw new InvalidOperationException($"Audit:CheckpointKey must be at least {SigningKeyProvider.MinimumKeyBytes} bytes.");
    }
}
