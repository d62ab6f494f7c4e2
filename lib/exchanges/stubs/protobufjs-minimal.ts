// Stands in for `protobufjs/minimal` inside workerd (wired by the wrangler and vitest `alias`): CCXT
// uses it only for dYdX signing and MEXC's WebSocket frames, loads it lazily and tolerates its absence.
export default undefined;
