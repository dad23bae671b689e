using Mahalla.Web.Platform.Database;
using Npgsql;

namespace Mahalla.Tests.Platform;

public sealed class DatabaseConnectionsTests
{
    [Fact]
    public void PostgreSQL_statements_are_prepared_automatically_unless_the_connection_string_says_otherwise()
    {
        var plain = new NpgsqlConnectionStringBuilder(DatabaseConnections.WithAutoPrepare("Host=db;Username=app;Password=p;Database=mahalla"));
        Assert.Equal(DatabaseConnections.DefaultMaxAutoPrepare, plain.MaxAutoPrepare);
        Assert.Equal("db", plain.Host);
        Assert.Equal("p", plain.Password);

        foreach (var given in new[] { "Host=db;Max Auto Prepare=0", "Host=db;MaxAutoPrepare=0", "Host=db;max auto prepare=0" })
        {
            Assert.Equal(given, DatabaseConnections.WithAutoPrepare(given));
            Assert.Equal(0, new NpgsqlConnectionStringBuilder(DatabaseConnections.WithAutoPrepare(given)).MaxAutoPrepare);
        }
    }
}
