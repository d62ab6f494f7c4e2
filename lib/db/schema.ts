import { BOT_COMMANDS } from '../../schemas/bot-commands';
import { bigint, boolean, index, integer, jsonb, numeric, pgTable, primaryKey, serial, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Commands for bots, carried by the `bot-commands` queue (Hummingbot uses MQTT for this).
 * The row is written before the message is sent and its id travels with it, so a redelivered
 * message is recognised and applied once.
 */
export const botCommands = pgTable(
  'bot_commands',
  {
    id: uuid('id').primaryKey(),
    botName: text('bot_name').notNull(),
    command: text('command', { enum: BOT_COMMANDS }).notNull(),
    payload: jsonb('payload').notNull().$type<Record<string, unknown>>(),
    status: text('status', { enum: ['queued', 'consumed'] }).notNull().default('queued'),
    deliveries: integer('deliveries').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
  },
  (table) => [index('bot_commands_bot_name_idx').on(table.botName, table.createdAt)],
);

/** `/config/update` values over the defaults in code, one row per (namespace, path). */
export const configOverrides = pgTable(
  'config_overrides',
  {
    namespace: text('namespace').notNull(),
    path: text('path').notNull(),
    value: jsonb('value').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.namespace, table.path] })],
);

/**
 * Per-network changes to the shipped token lists: added or replaced tokens, and removed ones
 * (`removed`), keyed by the address as the chain compares it (lower-case on EVM).
 */
export const tokenOverrides = pgTable(
  'token_overrides',
  {
    chain: text('chain').notNull(),
    network: text('network').notNull(),
    addressKey: text('address_key').notNull(),
    address: text('address').notNull(),
    symbol: text('symbol').notNull(),
    name: text('name').notNull(),
    decimals: integer('decimals').notNull(),
    chainId: integer('chain_id'),
    removed: boolean('removed').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.chain, table.network, table.addressKey] })],
);

/** Wallets whose keys Colibri holds: the private key sealed with the `wallets` key (lib/crypto.ts). */
export const wallets = pgTable(
  'wallets',
  {
    chain: text('chain').notNull(),
    address: text('address').notNull(),
    sealedKey: text('sealed_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.chain, table.address] })],
);

/**
 * The signer's log: every transaction from intent to outcome. A row is written as `signed` (with the
 * raw transaction) before it is sent, so a crash between sign and send is recovered by re-broadcasting.
 */
export const transactions = pgTable(
  'transactions',
  {
    id: uuid('id').primaryKey(),
    chain: text('chain').notNull(),
    network: text('network').notNull(),
    address: text('address').notNull(),
    kind: text('kind').notNull(),
    idempotencyKey: text('idempotency_key'),
    nonce: integer('nonce'),
    hash: text('hash').notNull(),
    raw: text('raw').notNull(),
    status: text('status', { enum: ['signed', 'sent', 'confirmed', 'failed'] }).notNull(),
    blockNumber: integer('block_number'),
    fee: numeric('fee'),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('transactions_idempotency_idx').on(table.chain, table.network, table.address, table.idempotencyKey),
    index('transactions_signer_idx').on(table.chain, table.network, table.address, table.status),
    index('transactions_hash_idx').on(table.hash),
  ],
);

/**
 * Per-network changes to the connectors' shipped pool lists (Gateway's conf/pools/<dex>.json): added or
 * replaced pools, and removed ones (`removed`), keyed by the address as the chain compares it.
 */
export const poolOverrides = pgTable(
  'pool_overrides',
  {
    connector: text('connector').notNull(),
    chain: text('chain').notNull(),
    network: text('network').notNull(),
    type: text('type', { enum: ['amm', 'clmm'] }).notNull(),
    addressKey: text('address_key').notNull(),
    address: text('address').notNull(),
    baseSymbol: text('base_symbol').notNull(),
    quoteSymbol: text('quote_symbol').notNull(),
    baseTokenAddress: text('base_token_address').notNull(),
    quoteTokenAddress: text('quote_token_address').notNull(),
    feePct: numeric('fee_pct').notNull(),
    removed: boolean('removed').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.connector, table.network, table.type, table.addressKey] }), index('pool_overrides_network_idx').on(table.chain, table.network)],
);

/**
 * Router quotes waiting for `execute-quote` (Gateway keeps them in process memory): the route, amounts
 * and limits as quoted, valid until `expires_at`, used once (`used_at` is set by one atomic UPDATE).
 * `idempotency_key` is the executing request's, so its retry reaches the signer's first transaction.
 */
export const quotes = pgTable('quotes', {
  id: uuid('id').primaryKey(),
  connector: text('connector').notNull(),
  chain: text('chain').notNull(),
  network: text('network').notNull(),
  walletAddress: text('wallet_address'),
  quote: jsonb('quote').notNull().$type<Record<string, unknown>>(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  idempotencyKey: text('idempotency_key'),
});

/** Hummingbot API accounts (its `bots/credentials/<account>/` folders). `master_account` always exists. */
export const exchangeAccounts = pgTable('exchange_accounts', {
  name: text('name').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * An account's credentials for one exchange connector: Hummingbot's fields as JSON, sealed with the
 * `exchange-credentials` key (lib/crypto.ts) and bound to (account, connector).
 */
export const exchangeCredentials = pgTable(
  'exchange_credentials',
  {
    accountName: text('account_name')
      .notNull()
      .references(() => exchangeAccounts.name, { onDelete: 'cascade' }),
    connector: text('connector').notNull(),
    sealedFields: text('sealed_fields').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.accountName, table.connector] })],
);

/**
 * Each connector's markets as CCXT parsed them, with when they were fetched, so a fresh exchange
 * session starts without asking the exchange. `source` is where they came from (a stand-in's base URL,
 * or `published`), so a local exchange's markets never stand in for the real one's.
 */
export const exchangeMarkets = pgTable(
  'exchange_markets',
  {
    connector: text('connector').notNull(),
    source: text('source').notNull(),
    markets: jsonb('markets').notNull().$type<Record<string, unknown>>(),
    fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.connector, table.source] })],
);

/**
 * Closed candles as the exchange published them (decimal text kept exact), so a range already held
 * costs no exchange request. The still-open candle is never stored. `source` as in exchange_markets.
 */
export const candles = pgTable(
  'candles',
  {
    connector: text('connector').notNull(),
    source: text('source').notNull(),
    tradingPair: text('trading_pair').notNull(),
    interval: text('interval').notNull(),
    /** When the candle opens, Unix ms. */
    openTime: bigint('open_time', { mode: 'number' }).notNull(),
    open: numeric('open').notNull(),
    high: numeric('high').notNull(),
    low: numeric('low').notNull(),
    close: numeric('close').notNull(),
    volume: numeric('volume').notNull(),
    quoteAssetVolume: numeric('quote_asset_volume').notNull(),
    nTrades: integer('n_trades').notNull(),
    takerBuyBaseVolume: numeric('taker_buy_base_volume').notNull(),
    takerBuyQuoteVolume: numeric('taker_buy_quote_volume').notNull(),
  },
  (table) => [primaryKey({ columns: [table.connector, table.source, table.tradingPair, table.interval, table.openTime] })],
);

/** Market-data feeds clients asked for (candles, order books), with when they were last asked for (`/market-data/active-feeds`). */
export const marketDataFeeds = pgTable('market_data_feeds', {
  key: text('key').primaryKey(),
  feedType: text('feed_type').notNull(),
  config: jsonb('config').notNull().$type<Record<string, unknown>>(),
  lastAccessAt: timestamp('last_access_at', { withTimezone: true }).notNull(),
});

/** One row per (account, connector) per portfolio snapshot; all rows of a snapshot share its timestamp (Hummingbot API's schema). */
export const accountStates = pgTable(
  'account_states',
  {
    id: serial('id').primaryKey(),
    timestamp: timestamp('timestamp', { withTimezone: true }).notNull().defaultNow(),
    accountName: text('account_name').notNull(),
    connectorName: text('connector_name').notNull(),
  },
  (table) => [index('account_states_timestamp_idx').on(table.timestamp), index('account_states_account_idx').on(table.accountName), index('account_states_connector_idx').on(table.connectorName)],
);

/** A token held in an account state, in exact decimals; `price_missing` flags a token no source could price (price and value 0). */
export const tokenStates = pgTable(
  'token_states',
  {
    id: serial('id').primaryKey(),
    accountStateId: integer('account_state_id')
      .notNull()
      .references(() => accountStates.id, { onDelete: 'cascade' }),
    token: text('token').notNull(),
    units: numeric('units').notNull(),
    price: numeric('price').notNull(),
    value: numeric('value').notNull(),
    availableUnits: numeric('available_units').notNull(),
    priceMissing: boolean('price_missing').notNull().default(false),
  },
  (table) => [index('token_states_account_state_idx').on(table.accountStateId), index('token_states_token_idx').on(table.token)],
);
