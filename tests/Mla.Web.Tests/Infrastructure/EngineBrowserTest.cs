namespace Mla.Web.Tests.Infrastructure;

/// <summary>
/// A browser test fixture run once per engine: on the shared SQLite application, and on an application of its
/// own on PostgreSQL (MLA_TEST_POSTGRES; required, as in the API tests: a missing server fails, never skips).
/// </summary>
public abstract class EngineBrowserTest(string engine) : BrowserTest
{
    private WebApp? _postgres;

    protected override WebApp App => engine == "postgres" ? _postgres! : Browsers.Sqlite;

    [OneTimeSetUp]
    public void StartEngine()
    {
        if (engine == "postgres")
        {
            _postgres = WebApp.StartPostgres();
            if (_postgres is null)
            {
                Assert.Fail("MLA_TEST_POSTGRES is not set: PostgreSQL is required (tests/run.sh starts one); the pages are never checked on SQLite alone.");
            }
        }
    }

    [OneTimeTearDown]
    public async Task StopEngineAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
