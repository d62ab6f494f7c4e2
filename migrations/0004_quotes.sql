CREATE TABLE "quotes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"connector" text NOT NULL,
	"chain" text NOT NULL,
	"network" text NOT NULL,
	"wallet_address" text,
	"quote" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"idempotency_key" text
);
