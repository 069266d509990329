ALTER TYPE "public"."notification_kind" ADD VALUE 'inbox_reply_submitted';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'inbox_reply_approved';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'inbox_reply_returned';--> statement-breakpoint
ALTER TYPE "public"."inbox_reply_status" ADD VALUE 'pending_approval' BEFORE 'queued';--> statement-breakpoint
ALTER TYPE "public"."inbox_reply_status" ADD VALUE 'returned' BEFORE 'queued';--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "reply_approval" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "first_response_target_minutes" integer;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "working_days" integer[] DEFAULT '{1,2,3,4,5}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "working_hours_start" text DEFAULT '09:00' NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "working_hours_end" text DEFAULT '18:00' NOT NULL;--> statement-breakpoint
ALTER TABLE "inbox_items" ADD COLUMN "first_response_working_minutes" integer;--> statement-breakpoint
ALTER TABLE "inbox_items" ADD COLUMN "resolution_working_minutes" integer;--> statement-breakpoint
ALTER TABLE "inbox_items" ADD COLUMN "like_requested_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "inbox_items" ADD COLUMN "liked_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "inbox_items" ADD COLUMN "like_external_id" text;--> statement-breakpoint
ALTER TABLE "inbox_items" ADD COLUMN "like_error" text;--> statement-breakpoint
ALTER TABLE "inbox_replies" ADD COLUMN "reviewed_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "inbox_replies" ADD COLUMN "reviewed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "inbox_replies" ADD COLUMN "review_comment" text;--> statement-breakpoint
ALTER TABLE "inbox_replies" ADD CONSTRAINT "inbox_replies_reviewed_by_user_id_users_id_fk" FOREIGN KEY ("reviewed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbox_replies_workspace_status_idx" ON "inbox_replies" USING btree ("workspace_id","status","created_at");