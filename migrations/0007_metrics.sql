CREATE TYPE "public"."metric_name" AS ENUM('replies', 'reposts', 'likes', 'quotes');--> statement-breakpoint
CREATE TABLE "channel_follower_counts" (
	"channel_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	"followers" integer NOT NULL,
	"pulled_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "channel_follower_counts_channel_id_day_pk" PRIMARY KEY("channel_id","day")
);
--> statement-breakpoint
CREATE TABLE "metric_points" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"target_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"metric" "metric_name" NOT NULL,
	"value" integer NOT NULL,
	"pulled_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_metrics" (
	"target_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"metric" "metric_name" NOT NULL,
	"value" integer NOT NULL,
	"pulled_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "target_metrics_target_id_metric_pk" PRIMARY KEY("target_id","metric")
);
--> statement-breakpoint
ALTER TABLE "channel_follower_counts" ADD CONSTRAINT "channel_follower_counts_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_follower_counts" ADD CONSTRAINT "channel_follower_counts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_points" ADD CONSTRAINT "metric_points_target_id_post_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."post_targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_points" ADD CONSTRAINT "metric_points_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_metrics" ADD CONSTRAINT "target_metrics_target_id_post_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."post_targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_metrics" ADD CONSTRAINT "target_metrics_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "channel_follower_counts_workspace_idx" ON "channel_follower_counts" USING btree ("workspace_id","day");--> statement-breakpoint
CREATE INDEX "metric_points_target_idx" ON "metric_points" USING btree ("target_id","metric","pulled_at");