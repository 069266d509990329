CREATE TABLE "report_post_charter" (
	"post_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"rows" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_post_days" (
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	"slice" text NOT NULL,
	"network" text NOT NULL,
	"campaign_id" uuid,
	"pillar_id" text,
	"author_id" uuid,
	"kind" text NOT NULL,
	"rule" text NOT NULL,
	"bucket" smallint NOT NULL,
	"n" integer NOT NULL,
	"folded" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_post_charter" ADD CONSTRAINT "report_post_charter_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_post_days" ADD CONSTRAINT "report_post_days_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_post_days_read_idx" ON "report_post_days" USING btree ("workspace_id","slice","day");--> statement-breakpoint
CREATE INDEX "report_post_days_unfolded_idx" ON "report_post_days" USING btree ("day") WHERE not "report_post_days"."folded";--> statement-breakpoint
CREATE INDEX "post_targets_held_idx" ON "post_targets" USING btree ("workspace_id","scheduled_at") WHERE status = 'held';--> statement-breakpoint
CREATE INDEX "posts_report_instant_idx" ON "posts" USING btree ("workspace_id",coalesce("scheduled_at", "updated_at"));