CREATE TABLE "funding_payments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "funding_payments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"funding_payment_id" text NOT NULL,
	"timestamp" timestamp with time zone NOT NULL,
	"account_name" text NOT NULL,
	"connector_name" text NOT NULL,
	"trading_pair" text NOT NULL,
	"funding_rate" numeric(20, 18),
	"funding_payment" numeric(30, 18) NOT NULL,
	"fee_currency" text DEFAULT 'USDT' NOT NULL,
	"position_size" numeric(30, 18),
	"position_side" text,
	"exchange_funding_id" text
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "orders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"client_order_id" text NOT NULL,
	"exchange_order_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"account_name" text NOT NULL,
	"connector_name" text NOT NULL,
	"trading_pair" text NOT NULL,
	"trade_type" text NOT NULL,
	"order_type" text NOT NULL,
	"position_action" text DEFAULT 'OPEN' NOT NULL,
	"amount" numeric(30, 18) NOT NULL,
	"price" numeric(30, 18),
	"status" text DEFAULT 'SUBMITTED' NOT NULL,
	"filled_amount" numeric(30, 18) DEFAULT '0' NOT NULL,
	"average_fill_price" numeric(30, 18),
	"fee_paid" numeric(30, 18),
	"fee_currency" text,
	"error_message" text,
	"idempotency_key" text,
	"request_fingerprint" text
);
--> statement-breakpoint
CREATE TABLE "trades" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "trades_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"order_id" integer NOT NULL,
	"trade_id" text NOT NULL,
	"timestamp" timestamp with time zone NOT NULL,
	"trading_pair" text NOT NULL,
	"trade_type" text NOT NULL,
	"amount" numeric(30, 18) NOT NULL,
	"price" numeric(30, 18) NOT NULL,
	"fee_paid" numeric(30, 18) DEFAULT '0' NOT NULL,
	"fee_currency" text
);
--> statement-breakpoint
ALTER TABLE "trades" ADD CONSTRAINT "trades_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "funding_payments_id_idx" ON "funding_payments" USING btree ("funding_payment_id");--> statement-breakpoint
CREATE INDEX "funding_payments_timestamp_idx" ON "funding_payments" USING btree ("timestamp");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_client_order_id_idx" ON "orders" USING btree ("client_order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_idempotency_idx" ON "orders" USING btree ("account_name","connector_name","idempotency_key");--> statement-breakpoint
CREATE INDEX "orders_exchange_order_id_idx" ON "orders" USING btree ("exchange_order_id");--> statement-breakpoint
CREATE INDEX "orders_account_connector_status_idx" ON "orders" USING btree ("account_name","connector_name","status");--> statement-breakpoint
CREATE INDEX "orders_created_at_idx" ON "orders" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "trades_order_trade_idx" ON "trades" USING btree ("order_id","trade_id");--> statement-breakpoint
CREATE INDEX "trades_timestamp_idx" ON "trades" USING btree ("timestamp");--> statement-breakpoint
CREATE INDEX "trades_trading_pair_idx" ON "trades" USING btree ("trading_pair");