using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Mla.Api.Features.Auth;
using Mla.Api.Infrastructure.Auth;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Infrastructure;

namespace Mla.Api.Tests.Features.Auth;

/// <summary>
/// Tokens of a configured OpenID Connect provider are accepted, with their claims mapped to an Mla role
/// and State. The provider's metadata is given to the handler directly instead of being fetched.
/// </summary>
[TestFixtureSource(typeof(TestEngines), nameof(TestEngines.All))]
public sealed class ExternalIdentityProviderTests(DatabaseEngine engine)
{
    private const string Authority = "https://idp.justice.example";
    private const string Audience = "mla";

    private readonly RsaSecurityKey _providerKey = new(RSA.Create(2048)) { KeyId = "provider-key" };
    private TestDatabase _database = null!;
    private MlaApiFactory _factory = null!;

    [OneTimeSetUp]
    public async Task StartWithExternalProvider()
    {
        _database = await TestDatabase.CreateAsync(engine);
        _factory = new MlaApiFactory(
            _database,
            settings: new Dictionary<string, string>
            {
                ["Authentication:Authority"] = Authority,
                ["Authentication:ExternalAudience"] = Audience,
            },
            services: services => services.PostConfigure<JwtBearerOptions>(AuthServiceCollectionExtensions.ExternalScheme, options =>
            {
                var configuration = new OpenIdConnectConfiguration { Issuer = Authority };
                configuration.SigningKeys.Add(_providerKey);
                options.Configuration = configuration;
                // Set after the framework's own post-configuration, which would fetch the metadata.
                options.ConfigurationManager = new Microsoft.IdentityModel.Protocols.StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
            }));
        _ = _factory.Server;
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Test]
    public async Task ExternalToken_WithRoleAndStateClaims_IsMappedToAnMlaUser()
    {
        var token = Issue(_providerKey, SecurityAlgorithms.RsaSha256, Audience, ("sub", "kc-123"), ("preferred_username", "a.diallo"), ("name", "Awa Diallo"), ("mla_role", "focal-point"), ("mla_state", "sen"));

        var response = await GetMeAsync(token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var me = await response.Content.ReadFromJsonAsync<MeDto>();
        Assert.Multiple(() =>
        {
            Assert.That(me!.Role, Is.EqualTo("focal-point"));
            Assert.That(me.State, Is.EqualTo("SEN"));
            Assert.That(me.DisplayName, Is.EqualTo("Awa Diallo"));
            Assert.That(me.Username, Is.EqualTo("ext:a.diallo"));
        });
    }

    [Test]
    public async Task ExternalToken_SecondSignIn_IsTheSameUser()
    {
        var token = Issue(_providerKey, SecurityAlgorithms.RsaSha256, Audience, ("sub", "kc-456"), ("preferred_username", "m.kone"), ("mla_role", "prosecutor"), ("mla_state", "MLI"));

        var first = await (await GetMeAsync(token)).Content.ReadFromJsonAsync<MeDto>();
        var second = await (await GetMeAsync(token)).Content.ReadFromJsonAsync<MeDto>();

        Assert.That(second!.Id, Is.EqualTo(first!.Id));
    }

    [Test]
    public async Task ExternalToken_ForAnotherAudience_Answers401()
    {
        var token = Issue(_providerKey, SecurityAlgorithms.RsaSha256, "another-app", ("sub", "kc-1"), ("mla_role", "prosecutor"), ("mla_state", "MLI"));

        Assert.That((await GetMeAsync(token)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task ExternalToken_SignedByAnotherKey_Answers401()
    {
        var token = Issue(new RsaSecurityKey(RSA.Create(2048)) { KeyId = "provider-key" }, SecurityAlgorithms.RsaSha256, Audience, ("sub", "kc-1"), ("mla_role", "prosecutor"), ("mla_state", "MLI"));

        Assert.That((await GetMeAsync(token)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task ExternalToken_SignedWithASharedSecret_Answers401()
    {
        var secret = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "provider-key" };
        var token = Issue(secret, SecurityAlgorithms.HmacSha256, Audience, ("sub", "kc-1"), ("mla_role", "prosecutor"), ("mla_state", "MLI"));

        Assert.That((await GetMeAsync(token)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task ExternalToken_WithoutAnMlaRole_Answers401()
    {
        var token = Issue(_providerKey, SecurityAlgorithms.RsaSha256, Audience, ("sub", "kc-9"), ("mla_state", "MLI"));

        Assert.That((await GetMeAsync(token)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task ExternalToken_WithAnUnknownState_Answers401()
    {
        var token = Issue(_providerKey, SecurityAlgorithms.RsaSha256, Audience, ("sub", "kc-10"), ("mla_role", "central-authority"), ("mla_state", "XYZ"));

        Assert.That((await GetMeAsync(token)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private async Task<HttpResponseMessage> GetMeAsync(string token)
    {
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync("/api/me");
    }

    private static string Issue(SecurityKey key, string algorithm, string audience, params (string Type, string Value)[] claims) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = audience,
            Subject = new ClaimsIdentity(claims.Select(claim => new Claim(claim.Type, claim.Value))),
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(key, algorithm),
        });
}
