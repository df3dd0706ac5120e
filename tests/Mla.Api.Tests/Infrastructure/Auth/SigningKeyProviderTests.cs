using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Mla.Api.Infrastructure.Auth;
using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Tests.Infrastructure.Auth;

public sealed class SigningKeyProviderTests
{
    private string _contentRoot = null!;

    [SetUp]
    public void CreateContentRoot() => _contentRoot = Directory.CreateTempSubdirectory("mla-key-").FullName;

    [TearDown]
    public void RemoveContentRoot() => Directory.Delete(_contentRoot, recursive: true);

    [Test]
    public void EmbeddedDefaultWithoutConfiguredKey_FirstRun_GeneratesAKeyReadableByTheServiceAccountOnly()
    {
        var provider = new SigningKeyProvider(new AuthOptions(), new DatabaseOptions { Engine = DatabaseEngine.Sqlite }, new Environment(_contentRoot));

        var file = Path.Combine(_contentRoot, "data", "signing-key");
        Assert.That(File.Exists(file), Is.True);
        Assert.That(provider.Key.Key, Has.Length.GreaterThanOrEqualTo(SigningKeyProvider.MinimumKeyBytes));
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(file), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }
    }

    [Test]
    public void EmbeddedDefaultWithoutConfiguredKey_SecondRun_KeepsTheSameKey()
    {
        var first = new SigningKeyProvider(new AuthOptions(), new DatabaseOptions { Engine = DatabaseEngine.Sqlite }, new Environment(_contentRoot));

        var second = new SigningKeyProvider(new AuthOptions(), new DatabaseOptions { Engine = DatabaseEngine.Sqlite }, new Environment(_contentRoot));

        Assert.That(second.Key.Key, Is.EqualTo(first.Key.Key));
    }

    [Test]
    public void ServerEngineWithoutConfiguredKey_RefusesToStart()
    {
        Assert.That(
            () => new SigningKeyProvider(new AuthOptions(), new DatabaseOptions { Engine = DatabaseEngine.Postgres }, new Environment(_contentRoot)),
            Throws.InvalidOperationException.With.Message.Contains("SigningKey"));
    }

    [Test]
    public void ServiceStart_ServerEngineWithoutConfiguredKey_StopsBeforeServing()
    {
        string[] args =
        [
            "--Database:Engine", "Postgres",
            "--ConnectionStrings:Mla", "Host=127.0.0.1;Port=1;Database=never_reached",
            "--Database:MigrateAtStartup", "false",
            "--environment", "Production",
        ];

        Assert.That(() => Mla.Api.Infrastructure.Hosting.MlaApplication.Build(args), Throws.InvalidOperationException.With.Message.Contains("SigningKey"));
    }

    [TestCase("c2hvcnQ=")]
    [TestCase("not base64 at all!")]
    public void ConfiguredKey_TooShortOrNotBase64_IsRefused(string key)
    {
        Assert.That(
            () => new SigningKeyProvider(new AuthOptions { SigningKey = key }, new DatabaseOptions(), new Environment(_contentRoot)),
            Throws.InvalidOperationException);
    }

    private sealed class Environment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "Mla.Api";

        public string ContentRootPath { get; set; } = contentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
