CREATE TYPE "public"."approval_scope" AS ENUM('nobody', 'editors_and_tokens', 'all_but_owners', 'everyone');--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"email" text NOT NULL,
	"role" "role" NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"accepted_at" timestamp (3) with time zone,
	"accepted_by_user_id" uuid,
	"revoked_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "approval_scope" "approval_scope" DEFAULT 'editors_and_tokens' NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_user_id_users_id_fk" FOREIGN KEY ("invited_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_accepted_by_user_id_users_id_fk" FOREIGN KEY ("accepted_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_hash_unique" ON "invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "invitations_workspace_idx" ON "invitations" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_open_email_unique" ON "invitations" USING btree ("workspace_id","email") WHERE accepted_at is null and revoked_at is null;--> statement-breakpoint
-- The old policy said "0 approvals" for teams that wanted none; everyone else gets the new default.
UPDATE "workspaces" SET "approval_scope" = 'nobody', "required_approvals" = 1 WHERE "required_approvals" = 0 AND "api_posts_need_approval" = false;--> statement-breakpoint
UPDATE "workspaces" SET "required_approvals" = 1 WHERE "required_approvals" < 1;--> statement-breakpoint
ALTER TABLE "workspaces" DROP COLUMN "api_posts_need_approval";--> statement-breakpoint
-- A token's work is its creator's: posts, revisions and feeds written through a token name that person.
UPDATE "posts" SET "author_user_id" = t."created_by_user_id" FROM "api_tokens" t WHERE "posts"."author_token_id" = t."id" AND "posts"."author_user_id" IS NULL;--> statement-breakpoint
UPDATE "post_revisions" SET "created_by_user_id" = t."created_by_user_id" FROM "api_tokens" t WHERE "post_revisions"."created_by_token_id" = t."id" AND "post_revisions"."created_by_user_id" IS NULL;--> statement-breakpoint
UPDATE "ics_feeds" SET "created_by_user_id" = t."created_by_user_id" FROM "api_tokens" t WHERE "ics_feeds"."created_by_token_id" = t."id" AND "ics_feeds"."created_by_user_id" IS NULL;--> statement-breakpoint
-- Tokens and feeds of people who are no longer members die with their membership.
UPDATE "api_tokens" SET "revoked_at" = now() WHERE "revoked_at" IS NULL AND NOT EXISTS (SELECT 1 FROM "memberships" m WHERE m."workspace_id" = "api_tokens"."workspace_id" AND m."user_id" = "api_tokens"."created_by_user_id");--> statement-breakpoint
UPDATE "ics_feeds" SET "revoked_at" = now() WHERE "revoked_at" IS NULL AND NOT EXISTS (SELECT 1 FROM "memberships" m WHERE m."workspace_id" = "ics_feeds"."workspace_id" AND m."user_id" = "ics_feeds"."created_by_user_id");
