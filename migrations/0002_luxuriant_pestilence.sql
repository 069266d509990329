ALTER TABLE "post_approvals" ADD COLUMN "charter_version_id" uuid;--> statement-breakpoint
ALTER TABLE "post_events" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "post_approvals" ADD CONSTRAINT "post_approvals_charter_version_id_charter_versions_id_fk" FOREIGN KEY ("charter_version_id") REFERENCES "public"."charter_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_charter_version_id_charter_versions_id_fk" FOREIGN KEY ("charter_version_id") REFERENCES "public"."charter_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "post_events_post_seq_idx" ON "post_events" USING btree ("post_id","seq");