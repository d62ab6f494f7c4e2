import { createRoute, z } from '@hono/zod-openapi';
import { json } from '../../lib/openapi';
import { errorResponse } from '../../schemas/errors';
import { DeliveryAnswerSchema, WebhookIdPathSchema } from '../../schemas/webhooks';

const description = `
Public: alert services cannot send Colibri's credentials, so the webhook authenticates each alert itself, as its \`auth\` setting says:

- \`hmac\`: header \`X-Colibri-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>\`; \`t\` must be within 5 minutes of Colibri's clock (an older alert is a replay: 401).
- \`body-secret\` (TradingView, which cannot sign): a \`"secret"\` field in the JSON body, compared in constant time.

**Alert fields.** The body is a JSON object (at most 64 KB); besides \`secret\` it may carry only the fields the webhook's \`alertFields\` allows, each overriding the template:

| field | takes | TradingView placeholder |
|---|---|---|
| \`side\` | \`buy\` / \`sell\` (any case) | \`{{strategy.order.action}}\` |
| \`amount\` | base amount, a JSON number or a decimal string (\`"0.01"\`); at most \`limits.maxAmount\` | \`{{strategy.order.contracts}}\` |
| \`trading_pair\` | \`BTC-USDT\`, or a ticker: \`BTCUSDT\`, \`BINANCE:BTCUSDT\`, \`BTCUSDT.P\` (matched to the webhook's pairs, else split at a known quote asset); must be one of \`limits.tradingPairs\` (the template's pair when unset) | \`{{ticker}}\` |
| \`price\` | orders only: limit price | \`{{close}}\` |
| \`order_type\` | orders only: \`market\`, \`limit\`, \`limit_maker\` | |

**Exactly once.** The delivery id is the \`Idempotency-Key\` header, else the body's \`id\` field (1-255 visible ASCII characters; TradingView: \`"id": "{{strategy.order.id}}-{{timenow}}"\`), else the SHA-256 of the signed content (\`<t>.<body>\` with \`hmac\`, the body with \`body-secret\`: an alert repeated word for word is then the same delivery). The same delivery id again answers 200 with the first delivery and trades nothing more; the trade is sent with an Idempotency-Key derived from the delivery, so a queue redelivery never trades twice.

**Answer.** 202 as soon as the delivery is recorded and queued; the trade follows (\`GET /webhooks/{id}/deliveries\`). Refused alerts (400, 409, 429) are recorded as \`rejected\` with the reason; one that fails authentication (401) is not recorded and trades nothing.

**Worked example** (an \`hmac\` webhook with \`alertFields: ["side","amount"]\`):

\`\`\`sh
SECRET=whsec_...   # from POST /webhooks
BODY='{"side":"buy","amount":"0.01"}'
T=$(date +%s)
SIG=$(printf '%s' "$T.$BODY" | openssl dgst -sha256 -hmac "$SECRET" | sed 's/^.* //')
curl -X POST https://colibri.example.com/hooks/$WEBHOOK_ID \\
  -H 'content-type: application/json' -H "X-Colibri-Signature: t=$T,v1=$SIG" -d "$BODY"
\`\`\`

A TradingView alert for a \`body-secret\` webhook with \`alertFields: ["side","amount","trading_pair"]\` and \`limits.tradingPairs: ["BTC-USDT"]\` (webhook URL \`https://colibri.example.com/hooks/<id>\`, message):

\`\`\`json
{"secret": "whsec_...", "side": "{{strategy.order.action}}", "trading_pair": "{{ticker}}", "amount": "{{strategy.order.contracts}}"}
\`\`\`

which TradingView sends as \`{"secret": "whsec_...", "side": "buy", "trading_pair": "BTCUSDT", "amount": "0.01"}\`: a market BUY of 0.01 BTC-USDT.`;

/** The body as documentation only: it is read raw (the signature covers its exact bytes), never validated before authentication. */
const alertBody = {
  type: 'object',
  properties: {
    secret: { type: 'string', description: '`body-secret` webhooks only' },
    id: { type: 'string', description: 'The delivery id when no Idempotency-Key header is sent' },
    side: { type: 'string', example: 'buy' },
    amount: { type: 'string', example: '0.01' },
    trading_pair: { type: 'string', example: 'BTCUSDT' },
    price: { type: 'string' },
    order_type: { type: 'string', example: 'market' },
  },
  example: { secret: 'whsec_...', side: 'buy', trading_pair: 'BTCUSDT', amount: '0.01' },
} as const;

export const deliver = createRoute({
  method: 'post',
  path: '/hooks/{id}',
  tags: ['Webhooks'],
  summary: 'Deliver an alert: trades once, through the trade-signals queue',
  description,
  security: [],
  request: {
    params: WebhookIdPathSchema,
    headers: z.object({
      'x-colibri-signature': z.string().optional().openapi({ description: '`hmac` webhooks: `t=<unix seconds>,v1=<hex HMAC-SHA256>`' }),
      'idempotency-key': z.string().optional().openapi({ description: 'The delivery id (1-255 visible ASCII characters); default: the SHA-256 of the signed content' }),
    }),
    body: { content: { 'application/json': { schema: alertBody } }, required: true },
  },
  responses: {
    202: json(DeliveryAnswerSchema, 'Recorded and queued'),
    200: json(DeliveryAnswerSchema, 'A delivery seen before: the first one, nothing traded again'),
    400: errorResponse('Not a JSON object, a field the alert may not set, a field the trade needs missing, a bad value, amount above maxAmount, pair not allowed (recorded as rejected)'),
    401: errorResponse('Bad or missing signature or secret, or a timestamp outside the 5-minute tolerance (nothing recorded or queued)'),
    404: errorResponse('No webhook with that id'),
    409: errorResponse('The webhook is disabled (recorded as rejected)'),
    413: errorResponse('Body over 64 KB'),
    429: errorResponse('maxTradesPerHour reached or within cooldownSeconds, with Retry-After (recorded as rejected)'),
    503: errorResponse('The queue or database is unavailable: retry the alert (same delivery id)'),
  },
});
