CREATE TABLE "publisher_rate_windows" (
	"key" text NOT NULL,
	"window_start" timestamp (3) with time zone NOT NULL,
	"window_end" timestamp (3) with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "publisher_rate_windows_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE INDEX "publisher_rate_windows_end_idx" ON "publisher_rate_windows" USING btree ("window_end");--> statement-breakpoint
ALTER TABLE "publisher_rate_limits" DROP COLUMN "window_start";--> statement-breakpoint
ALTER TABLE "publisher_rate_limits" DROP COLUMN "window_count";