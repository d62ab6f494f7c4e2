CREATE TABLE "executor_orders" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "executor_orders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"executor_id" text NOT NULL,
	"ref" text NOT NULL,
	"client_order_id" text NOT NULL,
	"exchange_order_id" text,
	"connector_name" text NOT NULL,
	"trading_pair" text NOT NULL,
	"order_type" text NOT NULL,
	"trade_type" text NOT NULL,
	"position_action" text NOT NULL,
	"amount" numeric(30, 18) NOT NULL,
	"price" numeric(30, 18),
	"status" text DEFAULT 'DECIDED' NOT NULL,
	"filled_amount" numeric(30, 18) DEFAULT '0' NOT NULL,
	"average_fill_price" numeric(30, 18),
	"fee_quote" numeric(30, 18) DEFAULT '0' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "executors" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "executors_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"executor_id" text NOT NULL,
	"executor_type" text NOT NULL,
	"account_name" text NOT NULL,
	"connector_name" text,
	"trading_pair" text,
	"controller_id" text DEFAULT 'main' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"status" text DEFAULT 'RUNNING' NOT NULL,
	"close_type" text,
	"side" text,
	"net_pnl_quote" numeric(30, 18) DEFAULT '0' NOT NULL,
	"net_pnl_pct" numeric(30, 18) DEFAULT '0' NOT NULL,
	"cum_fees_quote" numeric(30, 18) DEFAULT '0' NOT NULL,
	"filled_amount_quote" numeric(30, 18) DEFAULT '0' NOT NULL,
	"is_trading" boolean DEFAULT false NOT NULL,
	"config" jsonb NOT NULL,
	"custom_info" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "position_holds" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "position_holds_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"account_name" text NOT NULL,
	"connector_name" text NOT NULL,
	"trading_pair" text NOT NULL,
	"controller_id" text DEFAULT 'main' NOT NULL,
	"buy_amount_base" numeric(30, 18) DEFAULT '0' NOT NULL,
	"buy_amount_quote" numeric(30, 18) DEFAULT '0' NOT NULL,
	"sell_amount_base" numeric(30, 18) DEFAULT '0' NOT NULL,
	"sell_amount_quote" numeric(30, 18) DEFAULT '0' NOT NULL,
	"realized_pnl_quote" numeric(30, 18) DEFAULT '0' NOT NULL,
	"cum_fees_quote" numeric(30, 18) DEFAULT '0' NOT NULL,
	"executor_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_updated" timestamp with time zone DEFAULT now() NOT NULL,
	"cleared_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "executor_orders_client_order_id_idx" ON "executor_orders" USING btree ("client_order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "executor_orders_ref_idx" ON "executor_orders" USING btree ("executor_id","ref");--> statement-breakpoint
CREATE UNIQUE INDEX "executors_executor_id_idx" ON "executors" USING btree ("executor_id");--> statement-breakpoint
CREATE INDEX "executors_created_at_idx" ON "executors" USING btree ("created_at","executor_id");--> statement-breakpoint
CREATE INDEX "executors_account_status_idx" ON "executors" USING btree ("account_name","status");--> statement-breakpoint
CREATE INDEX "executors_controller_idx" ON "executors" USING btree ("controller_id");--> statement-breakpoint
CREATE UNIQUE INDEX "position_holds_key_idx" ON "position_holds" USING btree ("account_name","connector_name","trading_pair","controller_id") WHERE status = 'ACTIVE';--> statement-breakpoint
ALTER TABLE "executor_orders" ADD CONSTRAINT "executor_orders_executor_id_executors_executor_id_fk" FOREIGN KEY ("executor_id") REFERENCES "public"."executors"("executor_id") ON DELETE cascade ON UPDATE no action;
