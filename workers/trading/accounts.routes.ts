import { createRoute } from '@hono/zod-openapi';
import { json, jsonBody } from '../../lib/openapi';
import {
  AccountConnectorPathSchema,
  AccountListSchema,
  AccountNameQuerySchema,
  AccountPathSchema,
  ConnectorNameListSchema,
  CredentialsSchema,
  MessageResponseSchema,
} from '../../schemas/accounts';
import { commonErrorResponses, errorResponse } from '../../schemas/errors';

const tags = ['Accounts'];

export const listAccounts = createRoute({
  method: 'get',
  path: '/accounts',
  tags,
  summary: 'Account names (also served at /accounts/, as Hummingbot API spells it)',
  responses: { 200: json(AccountListSchema, 'Every account, master_account first'), ...commonErrorResponses },
});

export const listCredentials = createRoute({
  method: 'get',
  path: '/accounts/{account_name}/credentials',
  tags,
  summary: 'Connectors the account holds credentials for',
  request: { params: AccountPathSchema },
  responses: { 200: json(ConnectorNameListSchema, 'Connector names'), 404: errorResponse('Unknown account'), ...commonErrorResponses },
});

export const addAccount = createRoute({
  method: 'post',
  path: '/accounts/add-account',
  tags,
  summary: 'Create an account',
  request: { query: AccountNameQuerySchema },
  responses: { 201: json(MessageResponseSchema, 'Created'), 400: errorResponse('The account exists already, or the name is invalid'), 401: commonErrorResponses[401], 500: commonErrorResponses[500] },
});

export const deleteAccount = createRoute({
  method: 'post',
  path: '/accounts/delete-account',
  tags,
  summary: 'Delete an account and its credentials (never master_account)',
  request: { query: AccountNameQuerySchema },
  responses: { 200: json(MessageResponseSchema, 'Deleted'), 400: errorResponse('master_account, or an invalid name'), 404: errorResponse('Unknown account'), 401: commonErrorResponses[401], 500: commonErrorResponses[500] },
});

export const addCredential = createRoute({
  method: 'post',
  path: '/accounts/add-credential/{account_name}/{connector_name}',
  tags,
  summary: "Add or replace an account's credentials for a connector, checked with the exchange first",
  description:
    "The body is the connector's config map filled in (`/connectors/{connector_name}/config-map`). The credentials are checked with one signed call to the exchange before anything is stored (sealed with AES-GCM); they are never returned.",
  request: { params: AccountConnectorPathSchema, ...jsonBody(CredentialsSchema) },
  responses: {
    201: json(MessageResponseSchema, 'Checked with the exchange and stored'),
    400: errorResponse("A required field is missing, or the exchange refused the credentials (its reason in the message); nothing stored"),
    404: errorResponse('Unknown account or connector'),
    429: errorResponse('The exchange rate-limited the check (Retry-After says when to retry)'),
    503: errorResponse('The exchange is unreachable; nothing stored'),
    401: commonErrorResponses[401],
    500: commonErrorResponses[500],
  },
});

export const deleteCredential = createRoute({
  method: 'post',
  path: '/accounts/delete-credential/{account_name}/{connector_name}',
  tags,
  summary: "Delete an account's credentials for a connector",
  request: { params: AccountConnectorPathSchema },
  responses: { 200: json(MessageResponseSchema, 'Deleted'), 404: errorResponse('Unknown account, or no credentials for that connector'), ...commonErrorResponses },
});
