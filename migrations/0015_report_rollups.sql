CREATE TABLE "report_target_days" (
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	"dim" text NOT NULL,
	"dim_value" text NOT NULL,
	"status" text NOT NULL,
	"delay_bucket" smallint NOT NULL,
	"reason" text NOT NULL,
	"n" integer NOT NULL,
	"folded" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_target_days" ADD CONSTRAINT "report_target_days_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_target_days_read_idx" ON "report_target_days" USING btree ("workspace_id","dim","dim_value","day");--> statement-breakpoint
CREATE INDEX "report_target_days_unfolded_idx" ON "report_target_days" USING btree ("day") WHERE not "report_target_days"."folded";