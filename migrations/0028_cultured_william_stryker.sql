CREATE TABLE "report_published_days" (
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	"dim" text NOT NULL,
	"dim_value" text NOT NULL,
	"network" text NOT NULL,
	"campaign_id" uuid,
	"n" integer NOT NULL,
	"folded" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_published_days" ADD CONSTRAINT "report_published_days_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_published_days_read_idx" ON "report_published_days" USING btree ("workspace_id","dim","dim_value","day");--> statement-breakpoint
CREATE INDEX "report_published_days_unfolded_idx" ON "report_published_days" USING btree ("day") WHERE not "report_published_days"."folded";