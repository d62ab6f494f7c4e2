CREATE TABLE "backtest_tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"request" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"phase" text DEFAULT 'queued' NOT NULL,
	"candles_done" integer DEFAULT 0 NOT NULL,
	"candles_total" integer DEFAULT 0 NOT NULL,
	"error" text,
	"result" jsonb,
	"series" jsonb
);
--> statement-breakpoint
CREATE INDEX "backtest_tasks_created_idx" ON "backtest_tasks" USING btree ("created_at");