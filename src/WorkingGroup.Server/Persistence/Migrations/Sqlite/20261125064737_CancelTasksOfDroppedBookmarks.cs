using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkingGroup.Server.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CancelTasksOfDroppedBookmarks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The engine now cancels a task when its bookmark is dropped unresumed; before, a procedure's to-do stayed
            // Open after its activity was cancelled and GET /api/tasks hid it by the bookmark's absence. Those are
            // cancelled as of their instance's last step.
            migrationBuilder.Sql(
                """
                UPDATE "WorkflowTasks"
                SET "Status" = 'Cancelled',
                    "CompletedAt" = (SELECT i."UpdatedAt" FROM "WorkflowInstances" AS i WHERE i."Id" = "WorkflowTasks"."InstanceId")
                WHERE "Status" = 'Open'
                  AND NOT EXISTS (SELECT 1 FROM "WorkflowBookmarks" AS b WHERE b."Id" = "WorkflowTasks"."BookmarkId");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: the tasks cancelled were no longer anyone's to-do.
        }
    }
}
