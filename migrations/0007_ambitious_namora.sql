CREATE TABLE "channel_tokens" (
	"channel_id" uuid PRIMARY KEY NOT NULL,
	"access_expires_at" timestamp with time zone,
	"refresh_lease_until" timestamp with time zone,
	"last_refreshed_at" timestamp with time zone,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "mastodon_apps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"instance_origin" text NOT NULL,
	"redirect_uri" text NOT NULL,
	"client_id" text NOT NULL,
	"client_secret_sealed" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oauth_connect_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"state_hash" text NOT NULL,
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"network" "network" NOT NULL,
	"instance_url" text,
	"account_id" text,
	"channel_id" uuid,
	"code_verifier_sealed" text NOT NULL,
	"redirect_uri" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "channel_tokens" ADD CONSTRAINT "channel_tokens_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oauth_connect_requests" ADD CONSTRAINT "oauth_connect_requests_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oauth_connect_requests" ADD CONSTRAINT "oauth_connect_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oauth_connect_requests" ADD CONSTRAINT "oauth_connect_requests_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "channel_tokens_expiry_idx" ON "channel_tokens" USING btree ("access_expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "mastodon_apps_instance_unique" ON "mastodon_apps" USING btree ("instance_origin","redirect_uri");--> statement-breakpoint
CREATE UNIQUE INDEX "oauth_connect_requests_state_unique" ON "oauth_connect_requests" USING btree ("state_hash");--> statement-breakpoint
CREATE INDEX "oauth_connect_requests_expiry_idx" ON "oauth_connect_requests" USING btree ("expires_at");