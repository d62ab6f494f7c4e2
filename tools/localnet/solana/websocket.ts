// The WebSocket subscriptions web3.js uses: `confirmTransaction` waits on `signatureSubscribe`;
// `onSlotChange` and `onAccountChange` use the slot and account ones.
import { SystemProgram, type PublicKey } from '@solana/web3.js';
import type { WebSocket } from 'ws';
import { encodeAccount, type AccountEncoding } from './accounts.js';
import type { LocalChain, TransactionRecord } from './chain.js';
import { RpcError } from './errors.js';
import { failure, handleRequest, pubkeyParam, stringParam, type RpcMethod } from './jsonrpc.js';
import { readAccount } from './svm.js';

type Subscription =
  | { kind: 'signature'; signature: string }
  | { kind: 'slot' }
  /** `last` is the account's JSON as last sent, to notify on changes only. */
  | { kind: 'account'; address: PublicKey; encoding: AccountEncoding; last: string };

/** Serves one connection; subscription ids are unique across the connections of one server. */
export function subscriptionServer(chain: LocalChain): (socket: WebSocket) => void {
  let lastId = 0;
  return (socket) => {
    const subscriptions = new Map<number, Subscription>();
    const subscribe = (subscription: Subscription) => {
      subscriptions.set(++lastId, subscription);
      return lastId;
    };
    const notify = (method: string, subscription: number, result: unknown) =>
      socket.send(JSON.stringify({ jsonrpc: '2.0', method, params: { result, subscription } }));
    // A signature subscription ends with its one notification, as on a validator.
    const notifySignature = (id: number, record: TransactionRecord) => {
      subscriptions.delete(id);
      notify('signatureNotification', id, { context: { slot: record.slot }, value: { err: record.err } });
    };
    // A closed account is reported as an empty system account, not as null.
    const accountJson = (address: PublicKey, encoding: AccountEncoding) => {
      const empty = { lamports: 0n, data: new Uint8Array(0), owner: SystemProgram.programId.toBase58(), executable: false };
      return JSON.stringify(encodeAccount(chain.svm, readAccount(chain.svm, address) ?? empty, encoding));
    };

    const onSlot = (slot: number) => {
      for (const [id, subscription] of subscriptions) {
        if (subscription.kind === 'slot') notify('slotNotification', id, { parent: slot - 1, root: slot, slot });
      }
    };
    const onTransaction = (record: TransactionRecord) => {
      for (const [id, subscription] of subscriptions) {
        if (subscription.kind === 'signature' && subscription.signature === record.signature) notifySignature(id, record);
        if (subscription.kind !== 'account') continue;
        const json = accountJson(subscription.address, subscription.encoding);
        if (json === subscription.last) continue;
        subscription.last = json;
        notify('accountNotification', id, { context: { slot: record.slot }, value: JSON.parse(json) });
      }
    };
    chain.slotListeners.add(onSlot);
    chain.transactionListeners.add(onTransaction);
    socket.on('close', () => {
      chain.slotListeners.delete(onSlot);
      chain.transactionListeners.delete(onTransaction);
    });

    const unsubscribe = (kind: Subscription['kind']): RpcMethod => ([id]) => {
      if (subscriptions.get(id as number)?.kind !== kind) throw new RpcError(-32602, 'Invalid subscription id.');
      return subscriptions.delete(id as number);
    };
    const methods: Record<string, RpcMethod> = {
      signatureSubscribe: ([signatureParam]) => {
        const signature = stringParam(signatureParam);
        const id = subscribe({ kind: 'signature', signature });
        const record = chain.records.get(signature);
        // Already processed: notify right after the subscription id has been answered.
        if (record) queueMicrotask(() => notifySignature(id, record));
        return id;
      },
      signatureUnsubscribe: unsubscribe('signature'),
      slotSubscribe: () => subscribe({ kind: 'slot' }),
      slotUnsubscribe: unsubscribe('slot'),
      accountSubscribe: ([key, config]) => {
        const address = pubkeyParam(key);
        const encoding = (config as { encoding?: AccountEncoding } | undefined)?.encoding ?? 'base64';
        return subscribe({ kind: 'account', address, encoding, last: accountJson(address, encoding) });
      },
      accountUnsubscribe: unsubscribe('account'),
    };

    socket.on('message', (data) => {
      let request: { id?: unknown };
      try {
        request = JSON.parse(String(data));
      } catch {
        socket.send(JSON.stringify(failure(null, -32700, 'Parse error')));
        return;
      }
      // Notifications (no id), such as web3.js's keep-alive `ping`, get no answer.
      if (request?.id === undefined) return;
      socket.send(JSON.stringify(handleRequest(methods, request)));
    });
  };
}
