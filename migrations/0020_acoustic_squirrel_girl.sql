CREATE TABLE "post_engagement" (
	"workspace_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"dim" text NOT NULL,
	"dim_value" text NOT NULL,
	"day" date NOT NULL,
	"measured" integer NOT NULL,
	"engagement" bigint NOT NULL,
	CONSTRAINT "post_engagement_post_id_dim_dim_value_day_pk" PRIMARY KEY("post_id","dim","dim_value","day")
);
--> statement-breakpoint
CREATE TABLE "report_engagement_days" (
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	"dim" text NOT NULL,
	"dim_value" text NOT NULL,
	"grp" text NOT NULL,
	"grp_value" text NOT NULL,
	"measured" integer NOT NULL,
	"replies" bigint NOT NULL,
	"replies_n" integer NOT NULL,
	"reposts" bigint NOT NULL,
	"reposts_n" integer NOT NULL,
	"likes" bigint NOT NULL,
	"likes_n" integer NOT NULL,
	"quotes" bigint NOT NULL,
	"quotes_n" integer NOT NULL,
	"folded" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_engagement" (
	"target_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"day" date NOT NULL,
	"scheduled_at" timestamp (3) with time zone NOT NULL,
	"weekday" smallint NOT NULL,
	"hour" smallint NOT NULL,
	"channel_id" uuid NOT NULL,
	"network" text NOT NULL,
	"campaign_id" uuid,
	"pillar_id" text,
	"author_user_id" uuid,
	"replies" integer,
	"reposts" integer,
	"likes" integer,
	"quotes" integer,
	"engagement" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "post_engagement" ADD CONSTRAINT "post_engagement_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_engagement_days" ADD CONSTRAINT "report_engagement_days_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_engagement" ADD CONSTRAINT "target_engagement_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "post_engagement_rank_idx" ON "post_engagement" USING btree ("workspace_id","dim","dim_value","day","engagement","post_id");--> statement-breakpoint
CREATE INDEX "report_engagement_days_read_idx" ON "report_engagement_days" USING btree ("workspace_id","dim","dim_value","day");--> statement-breakpoint
CREATE INDEX "report_engagement_days_unfolded_idx" ON "report_engagement_days" USING btree ("day") WHERE not "report_engagement_days"."folded";--> statement-breakpoint
CREATE INDEX "target_engagement_time_idx" ON "target_engagement" USING btree ("workspace_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "target_engagement_channel_idx" ON "target_engagement" USING btree ("workspace_id","channel_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "target_engagement_campaign_idx" ON "target_engagement" USING btree ("workspace_id","campaign_id","scheduled_at");