// The order actions an exchange session runs, one per file.
export { cancelOrder } from './cancel-order';
export { fetchPositions } from './fetch-positions';
export { applyUserEvent } from './apply-user-event';
export { followOrders, hasActiveOrders } from './follow-orders';
export { placeOrder, type PlaceOrderParameters, type PlacedOrder } from './place-order';
export { fetchPositionMode } from './position-mode';
export { setLeverage } from './set-leverage';
export { setPositionMode } from './set-position-mode';
export { syncFundingPayments } from './sync-funding-payments';
