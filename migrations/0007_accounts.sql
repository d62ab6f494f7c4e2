CREATE TABLE "exchange_accounts" (
	"name" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_credentials" (
	"account_name" text NOT NULL,
	"connector" text NOT NULL,
	"sealed_fields" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_credentials_account_name_connector_pk" PRIMARY KEY("account_name","connector")
);
--> statement-breakpoint
CREATE TABLE "exchange_markets" (
	"connector" text NOT NULL,
	"source" text NOT NULL,
	"markets" jsonb NOT NULL,
	"fetched_at" timestamp with time zone NOT NULL,
	CONSTRAINT "exchange_markets_connector_source_pk" PRIMARY KEY("connector","source")
);
--> statement-breakpoint
ALTER TABLE "exchange_credentials" ADD CONSTRAINT "exchange_credentials_account_name_exchange_accounts_name_fk" FOREIGN KEY ("account_name") REFERENCES "public"."exchange_accounts"("name") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Hummingbot API ships with master_account; it can never be deleted (lib/accounts/store.ts).
INSERT INTO "exchange_accounts" ("name") VALUES ('master_account') ON CONFLICT DO NOTHING;
