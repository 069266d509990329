DROP INDEX "notification_events_pending_idx";--> statement-breakpoint
ALTER TABLE "notification_events" ADD COLUMN "publication_lane" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "notification_events_pending_lane_idx" ON "notification_events" USING btree ("publication_lane","created_at") WHERE fanned_out_at is null;