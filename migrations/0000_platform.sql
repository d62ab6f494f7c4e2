CREATE TABLE "bot_commands" (
	"id" uuid PRIMARY KEY NOT NULL,
	"bot_name" text NOT NULL,
	"command" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"deliveries" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"consumed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "bot_commands_bot_name_idx" ON "bot_commands" USING btree ("bot_name","created_at");