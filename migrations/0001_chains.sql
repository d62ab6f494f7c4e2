CREATE TABLE "config_overrides" (
	"namespace" text NOT NULL,
	"path" text NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "config_overrides_namespace_path_pk" PRIMARY KEY("namespace","path")
);
--> statement-breakpoint
CREATE TABLE "token_overrides" (
	"chain" text NOT NULL,
	"network" text NOT NULL,
	"address_key" text NOT NULL,
	"address" text NOT NULL,
	"symbol" text NOT NULL,
	"name" text NOT NULL,
	"decimals" integer NOT NULL,
	"chain_id" integer,
	"removed" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "token_overrides_chain_network_address_key_pk" PRIMARY KEY("chain","network","address_key")
);
--> statement-breakpoint
CREATE TABLE "wallets" (
	"chain" text NOT NULL,
	"address" text NOT NULL,
	"sealed_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wallets_chain_address_pk" PRIMARY KEY("chain","address")
);
