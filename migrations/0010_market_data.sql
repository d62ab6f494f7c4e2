CREATE TABLE "account_states" (
	"id" serial PRIMARY KEY NOT NULL,
	"timestamp" timestamp with time zone DEFAULT now() NOT NULL,
	"account_name" text NOT NULL,
	"connector_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "candles" (
	"connector" text NOT NULL,
	"source" text NOT NULL,
	"trading_pair" text NOT NULL,
	"interval" text NOT NULL,
	"open_time" bigint NOT NULL,
	"open" numeric NOT NULL,
	"high" numeric NOT NULL,
	"low" numeric NOT NULL,
	"close" numeric NOT NULL,
	"volume" numeric NOT NULL,
	"quote_asset_volume" numeric NOT NULL,
	"n_trades" integer NOT NULL,
	"taker_buy_base_volume" numeric NOT NULL,
	"taker_buy_quote_volume" numeric NOT NULL,
	CONSTRAINT "candles_connector_source_trading_pair_interval_open_time_pk" PRIMARY KEY("connector","source","trading_pair","interval","open_time")
);
--> statement-breakpoint
CREATE TABLE "market_data_feeds" (
	"key" text PRIMARY KEY NOT NULL,
	"feed_type" text NOT NULL,
	"config" jsonb NOT NULL,
	"last_access_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "token_states" (
	"id" serial PRIMARY KEY NOT NULL,
	"account_state_id" integer NOT NULL,
	"token" text NOT NULL,
	"units" numeric NOT NULL,
	"price" numeric NOT NULL,
	"value" numeric NOT NULL,
	"available_units" numeric NOT NULL,
	"price_missing" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "token_states" ADD CONSTRAINT "token_states_account_state_id_account_states_id_fk" FOREIGN KEY ("account_state_id") REFERENCES "public"."account_states"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_states_timestamp_idx" ON "account_states" USING btree ("timestamp");--> statement-breakpoint
CREATE INDEX "account_states_account_idx" ON "account_states" USING btree ("account_name");--> statement-breakpoint
CREATE INDEX "account_states_connector_idx" ON "account_states" USING btree ("connector_name");--> statement-breakpoint
CREATE INDEX "token_states_account_state_idx" ON "token_states" USING btree ("account_state_id");--> statement-breakpoint
CREATE INDEX "token_states_token_idx" ON "token_states" USING btree ("token");