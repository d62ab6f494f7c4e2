import { BOT_COMMANDS } from '../../schemas/bot-commands';
import { EXECUTOR_TYPES } from '../../schemas/executors';
import { DELIVERY_STATUSES, type ResolvedTrade, type WebhookAction, type WebhookLimits } from '../../schemas/webhooks';
import { TASK_STATUSES, type BacktestRequest } from '../../schemas/backtesting';
import { bigint, boolean, index, integer, jsonb, numeric, pgTable, primaryKey, serial, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

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

/**
 * `Idempotency-Key`s of money-moving requests, per wallet and network or per exchange account (see
 * lib/idempotency.ts): the request they were first sent with (`fingerprint`: SHA-256 of method, path
 * and body), until when the request running under it holds it (`claimed_until`) and, once it
 * succeeded, its answer.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    chain: text('chain').notNull(),
    network: text('network').notNull(),
    address: text('address').notNull(),
    key: text('key').notNull(),
    fingerprint: text('fingerprint').notNull(),
    response: jsonb('response'),
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.chain, table.network, table.address, table.key] })],
);

/**
 * Wrong `/wallet/show-private-key` passphrases per wallet in the current window, shared by every
 * isolate: after a few the route answers 429 until the window ends.
 */
export const passphraseAttempts = pgTable(
  'passphrase_attempts',
  {
    chain: text('chain').notNull(),
    addressKey: text('address_key').notNull(),
    attempts: integer('attempts').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.chain, table.addressKey] })],
);

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
 * Hummingbot API's swap history (`/gateway/swap/execute`): written `SUBMITTED` when the connector sent
 * the swap (or `FAILED` when it refused it: no hash), then confirmed or failed by the follower from the
 * receipt, with the amounts and gas fee the chain moved, as exact decimals.
 */
export const gatewaySwaps = pgTable(
  'gateway_swaps',
  {
    id: uuid('id').primaryKey(),
    transactionHash: text('transaction_hash').unique(),
    timestamp: timestamp('timestamp', { withTimezone: true }).notNull().defaultNow(),
    network: text('network').notNull(),
    connector: text('connector').notNull(),
    /** The signer: the request's, else the receipt's sender once confirmed (the connector's default wallet). */
    walletAddress: text('wallet_address'),
    tradingPair: text('trading_pair').notNull(),
    baseToken: text('base_token').notNull(),
    quoteToken: text('quote_token').notNull(),
    side: text('side', { enum: ['BUY', 'SELL'] }).notNull(),
    inputAmount: numeric('input_amount'),
    outputAmount: numeric('output_amount'),
    price: numeric('price'),
    slippagePct: numeric('slippage_pct'),
    gasFee: numeric('gas_fee'),
    gasToken: text('gas_token'),
    status: text('status', { enum: ['SUBMITTED', 'CONFIRMED', 'FAILED'] }).notNull(),
    poolAddress: text('pool_address'),
    quoteId: text('quote_id'),
    errorMessage: text('error_message'),
  },
  (table) => [index('gateway_swaps_search_idx').on(table.network, table.walletAddress, table.timestamp), index('gateway_swaps_status_idx').on(table.status)],
);

/**
 * Hummingbot API's CLMM positions: one row per position opened through `/gateway/clmm/open`. Amounts and
 * fees are not kept here but summed from its confirmed events, so they never disagree.
 */
export const gatewayClmmPositions = pgTable(
  'gateway_clmm_positions',
  {
    id: uuid('id').primaryKey(),
    /** The position NFT's token id; null until the follower reads it from a receipt the connector did not wait for. */
    positionAddress: text('position_address'),
    poolAddress: text('pool_address').notNull(),
    network: text('network').notNull(),
    connector: text('connector').notNull(),
    /** The owner: the request's, else the open transaction's sender once confirmed. */
    walletAddress: text('wallet_address'),
    tradingPair: text('trading_pair').notNull(),
    baseToken: text('base_token').notNull(),
    quoteToken: text('quote_token').notNull(),
    baseTokenAddress: text('base_token_address').notNull(),
    quoteTokenAddress: text('quote_token_address').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    status: text('status', { enum: ['OPEN', 'CLOSED'] }).notNull().default('OPEN'),
    lowerPrice: numeric('lower_price').notNull(),
    upperPrice: numeric('upper_price').notNull(),
    entryPrice: numeric('entry_price'),
    lastUpdated: timestamp('last_updated', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('gateway_clmm_positions_address_idx').on(table.network, table.connector, table.positionAddress), index('gateway_clmm_positions_wallet_idx').on(table.walletAddress, table.status)],
);

/** What happened to a position, one row per transaction: amounts and fees as the receipt's events give them. */
export const gatewayClmmEvents = pgTable(
  'gateway_clmm_events',
  {
    id: uuid('id').primaryKey(),
    positionId: uuid('position_id')
      .notNull()
      .references(() => gatewayClmmPositions.id, { onDelete: 'cascade' }),
    transactionHash: text('transaction_hash').notNull(),
    timestamp: timestamp('timestamp', { withTimezone: true }).notNull().defaultNow(),
    eventType: text('event_type', { enum: ['OPEN', 'ADD_LIQUIDITY', 'REMOVE_LIQUIDITY', 'COLLECT_FEES', 'CLOSE'] }).notNull(),
    baseTokenAmount: numeric('base_token_amount'),
    quoteTokenAmount: numeric('quote_token_amount'),
    baseFeeCollected: numeric('base_fee_collected'),
    quoteFeeCollected: numeric('quote_fee_collected'),
    gasFee: numeric('gas_fee'),
    gasToken: text('gas_token'),
    status: text('status', { enum: ['SUBMITTED', 'CONFIRMED', 'FAILED'] }).notNull(),
    errorMessage: text('error_message'),
  },
  (table) => [uniqueIndex('gateway_clmm_events_tx_idx').on(table.transactionHash, table.eventType), index('gateway_clmm_events_position_idx').on(table.positionId, table.timestamp), index('gateway_clmm_events_status_idx').on(table.status)],
);

const amount = (name: string) => numeric(name, { precision: 30, scale: 18 });

/** Hummingbot API's order statuses (its `orders.status`). */
export const ORDER_STATUSES = ['SUBMITTED', 'OPEN', 'PARTIALLY_FILLED', 'PENDING_CANCEL', 'FILLED', 'CANCELLED', 'FAILED'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * Orders placed on exchanges, as Hummingbot API's `orders` table. The row is written (SUBMITTED, no
 * exchange order id) before the order is sent, under the client order id the exchange then knows it
 * by, so an order whose answer was lost is found again by that id. `idempotency_key` with the
 * request's fingerprint lets a retried request get its first order back.
 */
export const orders = pgTable(
  'orders',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    clientOrderId: text('client_order_id').notNull(),
    exchangeOrderId: text('exchange_order_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    accountName: text('account_name').notNull(),
    connectorName: text('connector_name').notNull(),
    tradingPair: text('trading_pair').notNull(),
    tradeType: text('trade_type', { enum: ['BUY', 'SELL'] }).notNull(),
    orderType: text('order_type', { enum: ['LIMIT', 'MARKET', 'LIMIT_MAKER'] }).notNull(),
    positionAction: text('position_action', { enum: ['OPEN', 'CLOSE'] }).notNull().default('OPEN'),
    amount: amount('amount').notNull(),
    price: amount('price'),
    status: text('status', { enum: ORDER_STATUSES }).notNull().default('SUBMITTED'),
    filledAmount: amount('filled_amount').notNull().default('0'),
    averageFillPrice: amount('average_fill_price'),
    feePaid: amount('fee_paid'),
    feeCurrency: text('fee_currency'),
    errorMessage: text('error_message'),
    idempotencyKey: text('idempotency_key'),
    requestFingerprint: text('request_fingerprint'),
  },
  (table) => [
    uniqueIndex('orders_client_order_id_idx').on(table.clientOrderId),
    uniqueIndex('orders_idempotency_idx').on(table.accountName, table.connectorName, table.idempotencyKey),
    index('orders_exchange_order_id_idx').on(table.exchangeOrderId),
    index('orders_account_connector_status_idx').on(table.accountName, table.connectorName, table.status),
    index('orders_created_at_idx').on(table.createdAt),
  ],
);

/**
 * Fills, one row per exchange trade of an order. Both sides of a trade between two accounts carry the
 * exchange's one trade id, so it is unique per order.
 */
export const trades = pgTable(
  'trades',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    tradeId: text('trade_id').notNull(),
    timestamp: timestamp('timestamp', { withTimezone: true }).notNull(),
    tradingPair: text('trading_pair').notNull(),
    tradeType: text('trade_type', { enum: ['BUY', 'SELL'] }).notNull(),
    amount: amount('amount').notNull(),
    price: amount('price').notNull(),
    feePaid: amount('fee_paid').notNull().default('0'),
    feeCurrency: text('fee_currency'),
  },
  (table) => [uniqueIndex('trades_order_trade_idx').on(table.orderId, table.tradeId), index('trades_timestamp_idx').on(table.timestamp), index('trades_trading_pair_idx').on(table.tradingPair)],
);

/** Funding payments of perpetual positions, from the exchange's income history. */
export const fundingPayments = pgTable(
  'funding_payments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    fundingPaymentId: text('funding_payment_id').notNull(),
    timestamp: timestamp('timestamp', { withTimezone: true }).notNull(),
    accountName: text('account_name').notNull(),
    connectorName: text('connector_name').notNull(),
    tradingPair: text('trading_pair').notNull(),
    fundingRate: numeric('funding_rate', { precision: 20, scale: 18 }),
    fundingPayment: amount('funding_payment').notNull(),
    feeCurrency: text('fee_currency').notNull().default('USDT'),
    positionSize: amount('position_size'),
    positionSide: text('position_side'),
    exchangeFundingId: text('exchange_funding_id'),
  },
  (table) => [uniqueIndex('funding_payments_id_idx').on(table.fundingPaymentId), index('funding_payments_timestamp_idx').on(table.timestamp)],
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

/**
 * Webhooks that trade on alerts: the action template, which of its fields an alert may set, limits,
 * and the secret alerts authenticate with, sealed with the `webhook-secrets` key and bound to the id.
 */
export const webhooks = pgTable('webhooks', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  action: jsonb('action').notNull().$type<WebhookAction>(),
  auth: text('auth', { enum: ['hmac', 'body-secret'] }).notNull(),
  sealedSecret: text('sealed_secret').notNull(),
  alertFields: jsonb('alert_fields').notNull().$type<string[]>(),
  limits: jsonb('limits').notNull().$type<WebhookLimits>(),
  enabled: boolean('enabled').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Every alert a webhook received past authentication, under its delivery id (the alert's
 * Idempotency-Key, else a hash of its signed content): unique per webhook, so a repeated alert finds
 * the first delivery instead of trading again. Written before the trade is queued; the queue consumer
 * records the outcome (`executed` with the exchange's or chain's answer, or `failed`).
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    webhookId: uuid('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    id: text('id').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull(),
    reason: text('reason'),
    tradeRequest: jsonb('trade_request').$type<ResolvedTrade>(),
    tradeResult: jsonb('trade_result').$type<Record<string, unknown>>(),
    attempts: integer('attempts').notNull().default(0),
    duplicates: integer('duplicates').notNull().default(0),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.webhookId, table.id] }),
    index('webhook_deliveries_received_idx').on(table.webhookId, table.receivedAt),
    // The sweep's question (deliveries still waiting for their trade) reads only these.
    index('webhook_deliveries_accepted_idx').on(table.receivedAt).where(sql`status = 'accepted'`),
  ],
);

/**
 * Backtest tasks (`/backtesting/tasks`): the request, its progress and its payload. Each runs in its
 * own Durable Object (lib/backtesting/task-runner.ts); the row is what survives a restart, and what
 * the runner resumes from. `series` holds the full PnL and hold series as change points (the payload
 * keeps them sampled).
 */
export const backtestTasks = pgTable(
  'backtest_tasks',
  {
    id: text('id').primaryKey(),
    status: text('status', { enum: TASK_STATUSES }).notNull(),
    request: jsonb('request').$type<BacktestRequest>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** Last sign of life of its runner: a running task silent for long is started again. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    phase: text('phase').notNull().default('queued'),
    candlesDone: integer('candles_done').notNull().default(0),
    candlesTotal: integer('candles_total').notNull().default(0),
    error: text('error'),
    result: jsonb('result').$type<Record<string, unknown>>(),
    series: jsonb('series').$type<Record<string, unknown>>(),
  },
  (table) => [index('backtest_tasks_created_idx').on(table.createdAt)],
);

/**
 * Executors (Hummingbot API's `executors` table): one row per executor, written when it is created and
 * updated by its runtime after every step that changed its figures. The runtime's Durable Object holds
 * the core's state; this row is what search, summary and performance read, in exact decimals.
 */
export const executors = pgTable(
  'executors',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    executorId: text('executor_id').notNull(),
    executorType: text('executor_type', { enum: EXECUTOR_TYPES }).notNull(),
    accountName: text('account_name').notNull(),
    /** Null for the two-market types (arbitrage, XEMM): their markets are in `config`. */
    connectorName: text('connector_name'),
    tradingPair: text('trading_pair'),
    controllerId: text('controller_id').notNull().default('main'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    status: text('status', { enum: ['NOT_STARTED', 'RUNNING', 'SHUTTING_DOWN', 'TERMINATED'] }).notNull().default('RUNNING'),
    closeType: text('close_type'),
    side: text('side', { enum: ['BUY', 'SELL'] }),
    netPnlQuote: amount('net_pnl_quote').notNull().default('0'),
    netPnlPct: amount('net_pnl_pct').notNull().default('0'),
    cumFeesQuote: amount('cum_fees_quote').notNull().default('0'),
    filledAmountQuote: amount('filled_amount_quote').notNull().default('0'),
    isTrading: boolean('is_trading').notNull().default(false),
    config: jsonb('config').$type<Record<string, unknown>>().notNull(),
    customInfo: jsonb('custom_info').$type<Record<string, unknown>>().notNull().default({}),
    errorCount: integer('error_count').notNull().default(0),
    lastError: text('last_error'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('executors_executor_id_idx').on(table.executorId),
    index('executors_created_at_idx').on(table.createdAt, table.executorId),
    index('executors_account_status_idx').on(table.accountName, table.status),
    index('executors_controller_idx').on(table.controllerId),
  ],
);

/**
 * Every order an executor decided, written in the same step as the decision and before it is sent,
 * under the client order id derived from (executor id, order number): a restarted runtime sends the
 * rows not yet acknowledged again under the same id, so the exchange sees one order.
 */
export const executorOrders = pgTable(
  'executor_orders',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    executorId: text('executor_id')
      .notNull()
      .references(() => executors.executorId, { onDelete: 'cascade' }),
    /** The core's reference of the order (its action number within the executor). */
    ref: text('ref').notNull(),
    clientOrderId: text('client_order_id').notNull(),
    exchangeOrderId: text('exchange_order_id'),
    connectorName: text('connector_name').notNull(),
    tradingPair: text('trading_pair').notNull(),
    orderType: text('order_type', { enum: ['LIMIT', 'MARKET', 'LIMIT_MAKER'] }).notNull(),
    tradeType: text('trade_type', { enum: ['BUY', 'SELL'] }).notNull(),
    positionAction: text('position_action', { enum: ['OPEN', 'CLOSE', 'NIL'] }).notNull(),
    amount: amount('amount').notNull(),
    price: amount('price'),
    /** DECIDED (recorded, not yet acknowledged by the exchange session), then the order's own statuses. */
    status: text('status', { enum: ['DECIDED', ...ORDER_STATUSES] }).notNull().default('DECIDED'),
    filledAmount: amount('filled_amount').notNull().default('0'),
    averageFillPrice: amount('average_fill_price'),
    feeQuote: amount('fee_quote').notNull().default('0'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('executor_orders_client_order_id_idx').on(table.clientOrderId), uniqueIndex('executor_orders_ref_idx').on(table.executorId, table.ref)],
);

/**
 * What executors that ended POSITION_HOLD left on the books, per (account, connector, pair,
 * controller): buys and sells kept apart, matched volume realised (§2.9 of the strategy reference).
 */
export const positionHolds = pgTable(
  'position_holds',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    accountName: text('account_name').notNull(),
    connectorName: text('connector_name').notNull(),
    tradingPair: text('trading_pair').notNull(),
    controllerId: text('controller_id').notNull().default('main'),
    buyAmountBase: amount('buy_amount_base').notNull().default('0'),
    buyAmountQuote: amount('buy_amount_quote').notNull().default('0'),
    sellAmountBase: amount('sell_amount_base').notNull().default('0'),
    sellAmountQuote: amount('sell_amount_quote').notNull().default('0'),
    realizedPnlQuote: amount('realized_pnl_quote').notNull().default('0'),
    cumFeesQuote: amount('cum_fees_quote').notNull().default('0'),
    executorIds: jsonb('executor_ids').$type<string[]>().notNull().default([]),
    status: text('status', { enum: ['ACTIVE', 'CLEARED'] }).notNull().default('ACTIVE'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUpdated: timestamp('last_updated', { withTimezone: true }).notNull().defaultNow(),
    clearedAt: timestamp('cleared_at', { withTimezone: true }),
  },
  (table) => [uniqueIndex('position_holds_key_idx').on(table.accountName, table.connectorName, table.tradingPair, table.controllerId).where(sql`status = 'ACTIVE'`)],
);
