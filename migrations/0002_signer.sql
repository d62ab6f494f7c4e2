CREATE TABLE "transactions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"chain" text NOT NULL,
	"network" text NOT NULL,
	"address" text NOT NULL,
	"kind" text NOT NULL,
	"idempotency_key" text,
	"nonce" integer,
	"hash" text NOT NULL,
	"raw" text NOT NULL,
	"status" text NOT NULL,
	"block_number" integer,
	"fee" numeric,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "transactions_idempotency_idx" ON "transactions" USING btree ("chain","network","address","idempotency_key");--> statement-breakpoint
CREATE INDEX "transactions_signer_idx" ON "transactions" USING btree ("chain","network","address","status");--> statement-breakpoint
CREATE INDEX "transactions_hash_idx" ON "transactions" USING btree ("hash");