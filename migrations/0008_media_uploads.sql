CREATE TABLE "target_media_uploads" (
	"target_id" uuid NOT NULL,
	"key" text NOT NULL,
	"remote" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "target_media_uploads" ADD CONSTRAINT "target_media_uploads_target_id_post_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."post_targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "target_media_uploads_key_idx" ON "target_media_uploads" USING btree ("target_id","key");