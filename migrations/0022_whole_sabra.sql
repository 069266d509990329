ALTER TABLE "inbox_items" ADD COLUMN "hide_requested_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "inbox_items" ADD COLUMN "hidden_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "inbox_items" ADD COLUMN "hide_error" text;