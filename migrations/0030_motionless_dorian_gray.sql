CREATE TABLE "report_inbox_days" (
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel_id" uuid NOT NULL,
	"network" text NOT NULL,
	"kind" text NOT NULL,
	"bucket" smallint NOT NULL,
	"n" integer NOT NULL,
	"folded" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_inbox_days" ADD CONSTRAINT "report_inbox_days_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_inbox_days_read_idx" ON "report_inbox_days" USING btree ("workspace_id","day");--> statement-breakpoint
CREATE INDEX "report_inbox_days_channel_idx" ON "report_inbox_days" USING btree ("channel_id","day");--> statement-breakpoint
CREATE INDEX "report_inbox_days_unfolded_idx" ON "report_inbox_days" USING btree ("day") WHERE not "report_inbox_days"."folded";