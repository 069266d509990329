CREATE TABLE "inbox_post_sync_states" (
	"post_target_id" uuid PRIMARY KEY NOT NULL,
	"channel_id" uuid NOT NULL,
	"cursor" jsonb,
	"walked_at" timestamp (3) with time zone,
	"synced_at" timestamp (3) with time zone,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inbox_post_sync_states" ADD CONSTRAINT "inbox_post_sync_states_post_target_id_post_targets_id_fk" FOREIGN KEY ("post_target_id") REFERENCES "public"."post_targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_post_sync_states" ADD CONSTRAINT "inbox_post_sync_states_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbox_post_sync_states_channel_idx" ON "inbox_post_sync_states" USING btree ("channel_id","walked_at");--> statement-breakpoint
CREATE INDEX "post_targets_channel_published_idx" ON "post_targets" USING btree ("channel_id","published_at") WHERE status = 'published' and external_id is not null;