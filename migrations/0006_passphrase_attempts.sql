CREATE TABLE "passphrase_attempts" (
	"chain" text NOT NULL,
	"address_key" text NOT NULL,
	"attempts" integer NOT NULL,
	"window_start" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "passphrase_attempts_chain_address_key_pk" PRIMARY KEY("chain","address_key")
);
