CREATE TABLE "gateway_clmm_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"position_id" uuid NOT NULL,
	"transaction_hash" text NOT NULL,
	"timestamp" timestamp with time zone DEFAULT now() NOT NULL,
	"event_type" text NOT NULL,
	"base_token_amount" numeric,
	"quote_token_amount" numeric,
	"base_fee_collected" numeric,
	"quote_fee_collected" numeric,
	"gas_fee" numeric,
	"gas_token" text,
	"status" text NOT NULL,
	"error_message" text
);
--> statement-breakpoint
CREATE TABLE "gateway_clmm_positions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"position_address" text,
	"pool_address" text NOT NULL,
	"network" text NOT NULL,
	"connector" text NOT NULL,
	"wallet_address" text,
	"trading_pair" text NOT NULL,
	"base_token" text NOT NULL,
	"quote_token" text NOT NULL,
	"base_token_address" text NOT NULL,
	"quote_token_address" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"status" text DEFAULT 'OPEN' NOT NULL,
	"lower_price" numeric NOT NULL,
	"upper_price" numeric NOT NULL,
	"entry_price" numeric,
	"last_updated" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gateway_swaps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"transaction_hash" text,
	"timestamp" timestamp with time zone DEFAULT now() NOT NULL,
	"network" text NOT NULL,
	"connector" text NOT NULL,
	"wallet_address" text,
	"trading_pair" text NOT NULL,
	"base_token" text NOT NULL,
	"quote_token" text NOT NULL,
	"side" text NOT NULL,
	"input_amount" numeric,
	"output_amount" numeric,
	"price" numeric,
	"slippage_pct" numeric,
	"gas_fee" numeric,
	"gas_token" text,
	"status" text NOT NULL,
	"pool_address" text,
	"quote_id" text,
	"error_message" text,
	CONSTRAINT "gateway_swaps_transaction_hash_unique" UNIQUE("transaction_hash")
);
--> statement-breakpoint
ALTER TABLE "gateway_clmm_events" ADD CONSTRAINT "gateway_clmm_events_position_id_gateway_clmm_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."gateway_clmm_positions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "gateway_clmm_events_tx_idx" ON "gateway_clmm_events" USING btree ("transaction_hash","event_type");--> statement-breakpoint
CREATE INDEX "gateway_clmm_events_position_idx" ON "gateway_clmm_events" USING btree ("position_id","timestamp");--> statement-breakpoint
CREATE INDEX "gateway_clmm_events_status_idx" ON "gateway_clmm_events" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "gateway_clmm_positions_address_idx" ON "gateway_clmm_positions" USING btree ("network","connector","position_address");--> statement-breakpoint
CREATE INDEX "gateway_clmm_positions_wallet_idx" ON "gateway_clmm_positions" USING btree ("wallet_address","status");--> statement-breakpoint
CREATE INDEX "gateway_swaps_search_idx" ON "gateway_swaps" USING btree ("network","wallet_address","timestamp");--> statement-breakpoint
CREATE INDEX "gateway_swaps_status_idx" ON "gateway_swaps" USING btree ("status");