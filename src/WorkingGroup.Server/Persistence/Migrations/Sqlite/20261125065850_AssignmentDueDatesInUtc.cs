using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkingGroup.Server.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AssignmentDueDatesInUtc : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Instants are now stored taken to UTC (SqliteAppDbContext), so that GET /api/assignments compares and orders
            // due dates in SQL. A due date stored before with an offset holds its wall clock's ticks/1000 above the offset's
            // minutes (low 11 bits, signed): the same instant in UTC is those ticks less the offset (600000 per minute)
            // with a zero offset.
            migrationBuilder.Sql(
                """
                UPDATE "Assignments"
                SET "DueAt" = (("DueAt" >> 11) - (("DueAt" << 53) >> 53) * 600000) << 11
                WHERE ("DueAt" & 2047) <> 0;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: a due date in UTC reads back as the same instant.
        }
    }
}
