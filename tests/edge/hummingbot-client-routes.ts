/**
 * Every HTTP call of hummingbot-api-client 1.5.1 (PyPI `hummingbot-api-client`, repository
 * hummingbot/hummingbot-api-client at 79b9124) in its accounts, connectors, trading, portfolio,
 * market_data, gateway, gateway_swap, gateway_clmm and executors routers, read from
 * `hummingbot_api_client/routers/*.py`: the client method, the HTTP method and the path exactly as the
 * client writes it (trailing slashes kept; `{name}` is the client's argument). Convenience methods
 * that only call other methods of their router are listed under `via`.
 */
export const HUMMINGBOT_CLIENT_VERSION = '1.5.1';

export type ClientRouter = 'accounts' | 'connectors' | 'trading' | 'portfolio' | 'market_data' | 'gateway' | 'gateway_swap' | 'gateway_clmm' | 'executors';

export interface ClientCall {
  router: ClientRouter;
  method: string;
  http: 'GET' | 'POST' | 'DELETE';
  path: string;
}

export const CLIENT_CALLS = [
  { router: 'accounts', method: 'list_accounts', http: 'GET', path: '/accounts/' },
  { router: 'accounts', method: 'add_account', http: 'POST', path: '/accounts/add-account' },
  { router: 'accounts', method: 'delete_account', http: 'POST', path: '/accounts/delete-account' },
  { router: 'accounts', method: 'list_account_credentials', http: 'GET', path: '/accounts/{account_name}/credentials' },
  { router: 'accounts', method: 'add_credential', http: 'POST', path: '/accounts/add-credential/{account_name}/{connector_name}' },
  { router: 'accounts', method: 'delete_credential', http: 'POST', path: '/accounts/delete-credential/{account_name}/{connector_name}' },
  { router: 'accounts', method: 'add_gateway_wallet', http: 'POST', path: '/accounts/gateway/add-wallet' },
  { router: 'accounts', method: 'remove_gateway_wallet', http: 'DELETE', path: '/accounts/gateway/{chain}/{address}' },
  { router: 'accounts', method: 'list_gateway_wallets', http: 'GET', path: '/accounts/gateway/wallets/' },
  { router: 'accounts', method: 'set_default_gateway_wallet', http: 'POST', path: '/accounts/gateway/wallet/set-default' },

  { router: 'connectors', method: 'list_connectors', http: 'GET', path: '/connectors/' },
  { router: 'connectors', method: 'get_config_map', http: 'GET', path: '/connectors/{connector_name}/config-map' },
  { router: 'connectors', method: 'get_trading_rules', http: 'GET', path: '/connectors/{connector_name}/trading-rules' },
  { router: 'connectors', method: 'get_supported_order_types', http: 'GET', path: '/connectors/{connector_name}/order-types' },

  { router: 'trading', method: 'place_order', http: 'POST', path: '/trading/orders' },
  { router: 'trading', method: 'cancel_order', http: 'POST', path: '/trading/{account_name}/{connector_name}/orders/{client_order_id}/cancel' },
  { router: 'trading', method: 'get_positions', http: 'POST', path: '/trading/positions' },
  { router: 'trading', method: 'get_active_orders', http: 'POST', path: '/trading/orders/active' },
  { router: 'trading', method: 'search_orders', http: 'POST', path: '/trading/orders/search' },
  { router: 'trading', method: 'get_trades', http: 'POST', path: '/trading/trades' },
  { router: 'trading', method: 'get_funding_payments', http: 'POST', path: '/trading/funding-payments' },
  { router: 'trading', method: 'get_position_mode', http: 'GET', path: '/trading/{account_name}/{connector_name}/position-mode' },
  { router: 'trading', method: 'set_position_mode', http: 'POST', path: '/trading/{account_name}/{connector_name}/position-mode' },
  { router: 'trading', method: 'set_leverage', http: 'POST', path: '/trading/{account_name}/{connector_name}/leverage' },

  { router: 'portfolio', method: 'get_state', http: 'POST', path: '/portfolio/state' },
  { router: 'portfolio', method: 'get_history', http: 'POST', path: '/portfolio/history' },
  { router: 'portfolio', method: 'get_distribution', http: 'POST', path: '/portfolio/distribution' },
  { router: 'portfolio', method: 'get_accounts_distribution', http: 'GET', path: '/portfolio/accounts-distribution' },

  { router: 'market_data', method: 'get_candles', http: 'POST', path: '/market-data/candles' },
  { router: 'market_data', method: 'get_historical_candles', http: 'POST', path: '/market-data/historical-candles' },
  { router: 'market_data', method: 'get_available_candle_connectors', http: 'GET', path: '/market-data/available-candle-connectors' },
  { router: 'market_data', method: 'get_active_feeds', http: 'GET', path: '/market-data/active-feeds' },
  { router: 'market_data', method: 'get_market_data_settings', http: 'GET', path: '/market-data/settings' },
  { router: 'market_data', method: 'get_prices', http: 'POST', path: '/market-data/prices' },
  { router: 'market_data', method: 'get_funding_info', http: 'POST', path: '/market-data/funding-info' },
  { router: 'market_data', method: 'get_order_book', http: 'POST', path: '/market-data/order-book' },
  { router: 'market_data', method: 'get_price_for_volume', http: 'POST', path: '/market-data/order-book/price-for-volume' },
  { router: 'market_data', method: 'get_volume_for_price', http: 'POST', path: '/market-data/order-book/volume-for-price' },
  { router: 'market_data', method: 'get_price_for_quote_volume', http: 'POST', path: '/market-data/order-book/price-for-quote-volume' },
  { router: 'market_data', method: 'get_quote_volume_for_price', http: 'POST', path: '/market-data/order-book/quote-volume-for-price' },
  { router: 'market_data', method: 'get_vwap_for_volume', http: 'POST', path: '/market-data/order-book/vwap-for-volume' },
  { router: 'market_data', method: 'add_trading_pair', http: 'POST', path: '/market-data/trading-pair/add' },
  { router: 'market_data', method: 'remove_trading_pair', http: 'POST', path: '/market-data/trading-pair/remove' },
  { router: 'market_data', method: 'get_order_book_diagnostics', http: 'GET', path: '/market-data/order-book/diagnostics/{connector_name}' },
  { router: 'market_data', method: 'restart_order_book_tracker', http: 'POST', path: '/market-data/order-book/restart/{connector_name}' },

  { router: 'gateway', method: 'get_status', http: 'GET', path: '/gateway/status' },
  { router: 'gateway', method: 'start', http: 'POST', path: '/gateway/start' },
  { router: 'gateway', method: 'stop', http: 'POST', path: '/gateway/stop' },
  { router: 'gateway', method: 'restart', http: 'POST', path: '/gateway/restart' },
  { router: 'gateway', method: 'get_logs', http: 'GET', path: '/gateway/logs' },
  { router: 'gateway', method: 'list_connectors', http: 'GET', path: '/gateway/connectors' },
  { router: 'gateway', method: 'get_connector_config', http: 'GET', path: '/gateway/connectors/{connector_name}' },
  { router: 'gateway', method: 'update_connector_config', http: 'POST', path: '/gateway/connectors/{connector_name}' },
  { router: 'gateway', method: 'get_api_keys', http: 'GET', path: '/gateway/apiKeys' },
  { router: 'gateway', method: 'update_api_keys', http: 'POST', path: '/gateway/apiKeys' },
  { router: 'gateway', method: 'list_chains', http: 'GET', path: '/gateway/chains' },
  { router: 'gateway', method: 'list_pools', http: 'GET', path: '/gateway/pools' },
  { router: 'gateway', method: 'add_pool', http: 'POST', path: '/gateway/pools' },
  { router: 'gateway', method: 'delete_pool', http: 'DELETE', path: '/gateway/pools/{address}' },
  { router: 'gateway', method: 'list_networks', http: 'GET', path: '/gateway/networks' },
  { router: 'gateway', method: 'get_network_config', http: 'GET', path: '/gateway/networks/{network_id}' },
  { router: 'gateway', method: 'update_network_config', http: 'POST', path: '/gateway/networks/{network_id}' },
  { router: 'gateway', method: 'get_network_tokens', http: 'GET', path: '/gateway/networks/{network_id}/tokens' },
  { router: 'gateway', method: 'add_token', http: 'POST', path: '/gateway/networks/{network_id}/tokens' },
  { router: 'gateway', method: 'delete_token', http: 'DELETE', path: '/gateway/networks/{network_id}/tokens/{token_address}' },
  { router: 'gateway', method: 'save_network_token', http: 'POST', path: '/gateway/networks/{network_id}/tokens/save/{token_address}' },
  { router: 'gateway', method: 'get_network_pools', http: 'GET', path: '/gateway/networks/{network_id}/pools' },
  { router: 'gateway', method: 'add_network_pool', http: 'POST', path: '/gateway/networks/{network_id}/pools' },
  { router: 'gateway', method: 'delete_network_pool', http: 'DELETE', path: '/gateway/networks/{network_id}/pools/{address}' },
  { router: 'gateway', method: 'save_network_pool', http: 'POST', path: '/gateway/networks/{network_id}/pools/save/{pool_address}' },
  { router: 'gateway', method: 'create_wallet', http: 'POST', path: '/gateway/wallets/create' },
  { router: 'gateway', method: 'show_private_key', http: 'POST', path: '/gateway/wallets/show-private-key' },
  { router: 'gateway', method: 'send_transaction', http: 'POST', path: '/gateway/wallets/send' },

  { router: 'gateway_swap', method: 'get_swap_quote', http: 'POST', path: '/gateway/swap/quote' },
  { router: 'gateway_swap', method: 'execute_swap', http: 'POST', path: '/gateway/swap/execute' },
  { router: 'gateway_swap', method: 'get_swap_status', http: 'GET', path: '/gateway/swaps/{transaction_hash}/status' },
  { router: 'gateway_swap', method: 'search_swaps', http: 'POST', path: '/gateway/swaps/search' },
  { router: 'gateway_swap', method: 'get_swaps_summary', http: 'GET', path: '/gateway/swaps/summary' },

  { router: 'gateway_clmm', method: 'get_pool_info', http: 'GET', path: '/gateway/clmm/pool-info' },
  { router: 'gateway_clmm', method: 'get_pools', http: 'GET', path: '/gateway/clmm/pools' },
  { router: 'gateway_clmm', method: 'open_position', http: 'POST', path: '/gateway/clmm/open' },
  { router: 'gateway_clmm', method: 'close_position', http: 'POST', path: '/gateway/clmm/close' },
  { router: 'gateway_clmm', method: 'collect_fees', http: 'POST', path: '/gateway/clmm/collect-fees' },
  { router: 'gateway_clmm', method: 'get_positions_owned', http: 'POST', path: '/gateway/clmm/positions_owned' },
  { router: 'gateway_clmm', method: 'get_position_events', http: 'GET', path: '/gateway/clmm/positions/{position_address}/events' },
  { router: 'gateway_clmm', method: 'search_positions', http: 'POST', path: '/gateway/clmm/positions/search' },

  { router: 'executors', method: 'get_available_executor_types', http: 'GET', path: '/executors/types/available' },
  { router: 'executors', method: 'get_executor_config_schema', http: 'GET', path: '/executors/types/{executor_type}/config' },
  { router: 'executors', method: 'create_executor', http: 'POST', path: '/executors/' },
  { router: 'executors', method: 'search_executors', http: 'POST', path: '/executors/search' },
  { router: 'executors', method: 'get_summary', http: 'GET', path: '/executors/summary' },
  { router: 'executors', method: 'get_performance_report', http: 'GET', path: '/executors/performance' },
  { router: 'executors', method: 'get_executor', http: 'GET', path: '/executors/{executor_id}' },
  { router: 'executors', method: 'get_executor_logs', http: 'GET', path: '/executors/{executor_id}/logs' },
  { router: 'executors', method: 'stop_executor', http: 'POST', path: '/executors/{executor_id}/stop' },
  { router: 'executors', method: 'get_positions_summary', http: 'GET', path: '/executors/positions/summary' },
  { router: 'executors', method: 'get_position_held', http: 'GET', path: '/executors/positions/{connector_name}/{trading_pair}' },
  { router: 'executors', method: 'clear_position_held', http: 'DELETE', path: '/executors/positions/{connector_name}/{trading_pair}' },
] as const satisfies readonly ClientCall[];

/** The client's convenience methods: no route of their own, they call `via` and read its answer. */
export const CLIENT_CONVENIENCE_METHODS = [
  { router: 'trading', method: 'get_recent_trades', via: 'get_trades' },
  { router: 'trading', method: 'get_open_positions', via: 'get_positions' },
  { router: 'portfolio', method: 'get_total_value', via: 'get_state' },
  { router: 'portfolio', method: 'get_token_holdings', via: 'get_state' },
  { router: 'portfolio', method: 'get_portfolio_summary', via: 'get_state, get_distribution' },
  { router: 'market_data', method: 'get_candles_last_days', via: 'get_historical_candles' },
] as const;

/** `router.method`, the key every per-call table of the tests is indexed by (so none is left out). */
export type ClientCallKey = (typeof CLIENT_CALLS)[number] extends infer Call ? (Call extends { router: infer R extends string; method: infer M extends string } ? `${R}.${M}` : never) : never;
