using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkingGroup.Server.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MeetingMaterialsDeadlineDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // meetings drafted before their procedure fixed the days keep the regulation's 10.
            migrationBuilder.AddColumn<int>(
                name: "MaterialsDeadlineDays",
                table: "Meetings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 10);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MaterialsDeadlineDays",
                table: "Meetings");
        }
    }
}
