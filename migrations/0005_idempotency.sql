CREATE TABLE "idempotency_keys" (
	"chain" text NOT NULL,
	"network" text NOT NULL,
	"address" text NOT NULL,
	"key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	CONSTRAINT "idempotency_keys_chain_network_address_key_pk" PRIMARY KEY("chain","network","address","key")
);
