CREATE TABLE "pool_overrides" (
	"connector" text NOT NULL,
	"chain" text NOT NULL,
	"network" text NOT NULL,
	"type" text NOT NULL,
	"address_key" text NOT NULL,
	"address" text NOT NULL,
	"base_symbol" text NOT NULL,
	"quote_symbol" text NOT NULL,
	"base_token_address" text NOT NULL,
	"quote_token_address" text NOT NULL,
	"fee_pct" numeric NOT NULL,
	"removed" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pool_overrides_connector_network_type_address_key_pk" PRIMARY KEY("connector","network","type","address_key")
);
--> statement-breakpoint
CREATE INDEX "pool_overrides_network_idx" ON "pool_overrides" USING btree ("chain","network");