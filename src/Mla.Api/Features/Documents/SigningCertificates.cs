using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Mla.Api.Features.Documents;

/// <summary>
/// The certificate each requesting central authority signs its documents with: the one configured for its State
/// (<see cref="DocumentSigningOptions"/>), else a self-signed one generated with <see cref="CertificateRequest"/>
/// and cached for the process (Development, tests, or a deployment still waiting for its certificates, which is
/// logged once per State). Loaded once per State.
/// </summary>
public sealed partial class SigningCertificates(DocumentOptions options, IHostEnvironment environment, ILogger<SigningCertificates> logger)
{
    private readonly ConcurrentDictionary<string, Lazy<X509Certificate2>> _byState = new(StringComparer.OrdinalIgnoreCase);

    public X509Certificate2 For(string stateIso3) =>
        _byState.GetOrAdd(stateIso3, state => new Lazy<X509Certificate2>(() => Load(state))).Value;

    private X509Certificate2 Load(string state)
    {
        if (options.Signing.Certificates.TryGetValue(state, out var configured) && !string.IsNullOrWhiteSpace(configured.Path))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(configured.Path, configured.Password, X509KeyStorageFlags.EphemeralKeySet);
        }

        if (!environment.IsDevelopment())
        {
            LogSelfSigned(logger, state);
        }

        return SelfSigned(state);
    }

    private static X509Certificate2 SelfSigned(string state)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(
            new X500DistinguishedName($"CN=Central authority {state.ToUpperInvariant()} (Mla self-signed), O=Mla"),
            key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
        // Exported and loaded again so that the private key is usable for CMS signing on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.EphemeralKeySet);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No signing certificate configured for {State} (Documents:Signing:Certificates:{State}): its documents are signed with a self-signed certificate")]
    private static partial void LogSelfSigned(ILogger logger, string state);
}
