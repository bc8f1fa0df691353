using Xunit;

namespace WorkingGroup.Testing;

/// <summary>
/// A fact that needs the real PostgreSQL server started by <c>test.sh</c>.
/// On a laptop without it the test is skipped; in CI (<c>CI=true</c>) it runs and fails, never skips.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestPostgres.IsConfigured && !TestPostgres.IsCi)
        {
            Skip = $"{TestPostgres.VariableName} is not set: run ./test.sh to start a throwaway PostgreSQL.";
        }
    }
}

/// <summary>The theory counterpart of <see cref="PostgresFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (!TestPostgres.IsConfigured && !TestPostgres.IsCi)
        {
            Skip = $"{TestPostgres.VariableName} is not set: run ./test.sh to start a throwaway PostgreSQL.";
        }
    }
}
